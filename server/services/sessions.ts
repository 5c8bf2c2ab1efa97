// When a session still counts, shared by the request middleware (routes/session.ts) and the answer save,
// which checks its session inside its own write (writes/ops.ts).
import type { SessionRow } from '../db/sessions.ts';
import type { ResponseRow } from '../db/responses.ts';
import { AppError } from '../errors.ts';

export const noSession = () => new AppError('no_session', 401, { nl: 'Je bent niet (meer) ingelogd. Log opnieuw in.', en: 'You are not logged in (any more). Please log in again.' });

/** A session is touched at most once a minute. */
const TOUCH_AFTER_MS = 60_000;

export type SessionCheck = { ok: true; response: ResponseRow; touch: boolean } | { ok: false; expired: boolean };

export function checkSession(s: SessionRow | undefined, now: Date, idleMinutes: number): SessionCheck {
  if (!s) return { ok: false, expired: false };
  const idle = now.getTime() - Date.parse(s.lastSeenAt);
  if (idle > idleMinutes * 60_000) return { ok: false, expired: true };
  return { ok: true, response: s.response, touch: idle > TOUCH_AFTER_MS };
}
