// Staff sign-in: email and password, throttled like the student login; a new random session id at every login
// (only its SHA-256 is stored, in staff_sessions, never the students' table); expiry after inactivity; logout.
import { randomBytes } from 'node:crypto';
import type { Repos } from '../../db/index.ts';
import type { StaffUser } from '../../api/staff.ts';
import { AppError } from '../common/errors.ts';
import { sha256 } from '../common/keys.ts';
import { createThrottle, type ThrottleLimits } from '../login/throttle.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import type { StaffPrincipal } from './access.ts';

/** Per account 5 failures in 15 minutes lock it for a minute, doubling up to 15; per address 100. */
export const STAFF_THROTTLE: ThrottleLimits = {
  targetFailures: 5,
  studentFailures: 5,
  windowMs: 15 * 60_000,
  baseDelayMs: 60_000,
  maxDelayMs: 15 * 60_000,
  ipFailures: 100,
};

/** A session is touched at most once a minute. */
const TOUCH_AFTER_MS = 60_000;

export const noStaffSession = () =>
  new AppError('no_session', { nl: 'Je bent niet (meer) ingelogd. Log opnieuw in.', en: 'You are not signed in (any more). Please sign in again.' });
const loginFailed = () => new AppError('staff_login_failed', { nl: 'Het e-mailadres of het wachtwoord klopt niet.', en: 'The email address or the password is not right.' });
const loginLocked = (seconds: number) => {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return new AppError(
    'staff_login_locked',
    {
      nl: `Te veel mislukte pogingen. Probeer het over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} opnieuw.`,
      en: `Too many failed attempts. Please try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`,
    },
    { retryAfterSeconds: seconds },
  );
};

export interface StaffSessionDeps {
  repos: Repos;
  idleMinutes: number;
  throttle?: ThrottleLimits;
  now: () => Date;
}

export function createStaffSessionService({ repos, idleMinutes, throttle: limits = STAFF_THROTTLE, now }: StaffSessionDeps) {
  const throttle = createThrottle(limits, now);
  // An unknown email still costs one scrypt, so the answer's timing does not tell which emails have accounts.
  let decoy: Promise<string> | undefined;
  const idleMs = idleMinutes * 60_000;

  const toStaffUser = (p: StaffPrincipal): StaffUser => ({
    email: p.email,
    role: p.role,
    brin: p.brin,
    institutionName: p.brin ? (repos.institutions.get(p.brin)?.name ?? null) : null,
  });

  return {
    toStaffUser,

    /** Checks the password; a new session token on success. Throws staff_login_failed or staff_login_locked. */
    async login(emailInput: string, password: string, ip: string): Promise<{ token: string; user: StaffUser }> {
      const email = emailInput.trim().toLowerCase();
      const key = sha256(`staff:${email}`).toString('base64');
      const attempt = { surname: key, student: key, ip };
      const wait = throttle.retryAfter(attempt);
      if (wait > 0) throw loginLocked(Math.ceil(wait / 1000));
      const user = repos.staffUsers.withPassword(email);
      const ok = user ? await verifyPassword(password, user.passwordHash) : await verifyPassword(password, await (decoy ??= hashPassword(randomBytes(16).toString('hex'))));
      if (!user || !ok) {
        throttle.failed(attempt);
        throw loginFailed();
      }
      const token = randomBytes(32).toString('base64url');
      const t = now();
      await repos.commit(() => {
        // Housekeeping with every login: sessions idle past the expiry are removed (one indexed DELETE).
        repos.staffSessions.removeIdle(new Date(t.getTime() - idleMs).toISOString());
        repos.staffSessions.create(sha256(token), user.id, t.toISOString());
      });
      const { passwordHash: _omit, ...row } = user;
      return { token, user: toStaffUser(row) };
    },

    /** The signed-in staff user of a live session, touched when due; an idle session is removed. Throws no_session. */
    async resolve(token: string): Promise<StaffPrincipal> {
      const hash = sha256(token);
      const s = repos.staffSessions.get(hash);
      if (!s) throw noStaffSession();
      const t = now();
      const idle = t.getTime() - Date.parse(s.lastSeenAt);
      if (idle > idleMs) {
        await repos.commit(() => repos.staffSessions.remove(hash));
        throw noStaffSession();
      }
      if (idle > TOUCH_AFTER_MS) await repos.commit(() => repos.staffSessions.touch(hash, t.toISOString()));
      return { id: s.user.id, email: s.user.email, role: s.user.role, brin: s.user.brin };
    },

    logout: (token: string): Promise<void> => repos.commit(() => repos.staffSessions.remove(sha256(token))),
  };
}
export type StaffSessionService = ReturnType<typeof createStaffSessionService>;
