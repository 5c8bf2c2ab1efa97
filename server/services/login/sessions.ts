// Student sessions: a cookie token resolves to its response while the session is live; idle sessions expire
// (refused on use, and removed by the sweep). The table holds only the SHA-256 of each token.
import type { Repos } from '../../db/index.ts';
import type { ResponseRow } from '../../db/responses.ts';
import { AppError } from '../common/errors.ts';
import { sha256 } from '../common/keys.ts';

export const noSession = () => new AppError('no_session', { nl: 'Je bent niet (meer) ingelogd. Log opnieuw in.', en: 'You are not logged in (any more). Please log in again.' });

/** A session is touched at most once a minute. */
const TOUCH_AFTER_MS = 60_000;

export interface SessionDeps {
  repos: Repos;
  idleMinutes: number;
  now: () => Date;
}

export function createSessionService({ repos, idleMinutes, now }: SessionDeps) {
  return {
    /** The response of a live session, touched when due; an expired session is removed. Throws no_session. */
    async resolve(token: string): Promise<ResponseRow> {
      const hash = sha256(token);
      const s = repos.sessions.get(hash);
      if (!s) throw noSession();
      const t = now();
      const idle = t.getTime() - Date.parse(s.lastSeenAt);
      if (idle > idleMinutes * 60_000) {
        await repos.commit(() => repos.sessions.remove(hash));
        throw noSession();
      }
      if (idle > TOUCH_AFTER_MS) await repos.commit(() => repos.sessions.touch(hash, t.toISOString()));
      return s.response;
    },

    /** The response of a live session for a caller that writes anyway: `touch` says whether to touch it in that write. */
    live(hash: Buffer, at: Date): { response: ResponseRow; touch: boolean } {
      const s = repos.sessions.get(hash);
      if (!s) throw noSession();
      const idle = at.getTime() - Date.parse(s.lastSeenAt);
      if (idle > idleMinutes * 60_000) throw noSession();
      return { response: s.response, touch: idle > TOUCH_AFTER_MS };
    },

    logout: (token: string): Promise<void> => repos.commit(() => repos.sessions.remove(sha256(token))),

    /** Removes every session idle for longer than the expiry; returns how many. */
    sweep(): Promise<number> {
      const cutoff = new Date(now().getTime() - idleMinutes * 60_000).toISOString();
      return repos.commit(() => repos.sessions.removeIdle(cutoff));
    },
  };
}
export type SessionService = ReturnType<typeof createSessionService>;
