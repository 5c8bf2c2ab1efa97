// Student sessions: a cookie token resolves to its response while the session is live; idle sessions expire
// (refused on use, and removed by the sweep). The table holds only the SHA-256 of each token.
import type { Repos } from '../../db/index.ts';
import type { ResponseRow } from '../../db/responses.ts';
import { AppError } from '../common/errors.ts';
import { sha256 } from '../common/keys.ts';

export const noSession = () => new AppError('no_session', { nl: 'Je bent niet (meer) ingelogd. Log opnieuw in.', en: 'You are not logged in (any more). Please log in again.' });

/**
 * A session is touched at most once a minute, and at least every quarter of the idle time, so a session in use
 * never runs out, however short the idle time is set.
 */
export const touchAfterMs = (idleMinutes: number): number => Math.min(60_000, (idleMinutes * 60_000) / 4);

/**
 * Sessions per response kept at a login. A student may answer on two devices at once (a laptop in class and their
 * phone), so a login does not end the other sessions; the oldest beyond these go, so logins cannot pile them up.
 */
export const MAX_SESSIONS_PER_RESPONSE = 5;

export interface SessionDeps {
  repos: Repos;
  idleMinutes: number;
  now: () => Date;
}

export function createSessionService({ repos, idleMinutes, now }: SessionDeps) {
  const TOUCH_AFTER_MS = touchAfterMs(idleMinutes);
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

    /** Logging out ends every session of the response: also one left open on a shared school computer. */
    logout: (token: string): Promise<void> => repos.commit(() => repos.sessions.removeWithSiblings(sha256(token))),

    /** Removes every session idle for longer than the expiry; returns how many. */
    sweep(): Promise<number> {
      const cutoff = new Date(now().getTime() - idleMinutes * 60_000).toISOString();
      return repos.commit(() => repos.sessions.removeIdle(cutoff));
    },
  };
}
export type SessionService = ReturnType<typeof createSessionService>;
