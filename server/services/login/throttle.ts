// Brute-force limits for the login, made for a whole school behind one IP address and for namesakes in one
// class. Only "not found" counts as a failure (a twin question is not one). Failures are limited per student
// (school + surname + birth date: strict) and per surname (school + surname, over all birth dates: looser, so
// guessing birth dates for a known surname stays slow while classmates who share a surname and mistype their
// own dates lock nobody out), with a growing delay; per IP address only generously. The targets are keyed hashes.
// Kept in memory: one server process serves the fieldwork, and a restart forgetting the counts is harmless.

export interface ThrottleLimits {
  /** Failures per school + surname within the window before that surname is locked. */
  targetFailures: number;
  /** Failures per school + surname + birth date within the window before exactly that login is locked. */
  studentFailures: number;
  windowMs: number;
  /** First lock; every further failure within the window doubles it, up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Failures per IP address within the window: a school's classes log in together from one address. */
  ipFailures: number;
}

export const DEFAULT_THROTTLE: ThrottleLimits = {
  targetFailures: 15,
  studentFailures: 5,
  windowMs: 15 * 60_000,
  baseDelayMs: 60_000,
  maxDelayMs: 15 * 60_000,
  ipFailures: 1000,
};

interface Target {
  failures: number[]; // times of the failures within the window, oldest first
  lockedUntil: number;
}
interface Address {
  windowStart: number;
  failures: number;
}

/** What one login attempt is limited by. */
export interface Attempt {
  /** School + surname. */
  surname: string;
  /** School + surname + birth date. */
  student: string;
  ip: string;
}

/** Above this many tracked entries, entries that no longer matter are swept out (and if need be the oldest). */
const MAX_TRACKED = 200_000;

export function createThrottle(limits: ThrottleLimits, now: () => Date) {
  const targets = new Map<string, Target>();
  const addresses = new Map<string, Address>();

  function sweep(t: number): void {
    for (const [k, v] of targets) if (v.lockedUntil <= t && (v.failures.at(-1) ?? 0) <= t - limits.windowMs) targets.delete(k);
    for (const [k, v] of addresses) if (v.windowStart <= t - limits.windowMs) addresses.delete(k);
    for (const map of [targets, addresses]) {
      for (const k of map.keys()) {
        if (map.size <= MAX_TRACKED) break;
        map.delete(k);
      }
    }
  }

  function fail(key: string, limit: number, t: number): void {
    const entry = targets.get(key) ?? { failures: [], lockedUntil: 0 };
    entry.failures = entry.failures.filter((f) => f > t - limits.windowMs);
    entry.failures.push(t);
    const over = entry.failures.length - limit;
    if (over >= 0) entry.lockedUntil = Math.max(entry.lockedUntil, t + Math.min(limits.baseDelayMs * 2 ** over, limits.maxDelayMs));
    targets.set(key, entry);
  }

  // The two kinds of target share one map; their keys differ by a prefix.
  const surnameKey = (a: Attempt) => `s:${a.surname}`;
  const studentKey = (a: Attempt) => `p:${a.student}`;

  return {
    /** Milliseconds until this attempt is allowed, or 0 when it is allowed now. */
    retryAfter(a: Attempt): number {
      const t = now().getTime();
      const ip = addresses.get(a.ip);
      const ipWait = ip && ip.failures >= limits.ipFailures ? ip.windowStart + limits.windowMs - t : 0;
      const surnameWait = (targets.get(surnameKey(a))?.lockedUntil ?? 0) - t;
      const studentWait = (targets.get(studentKey(a))?.lockedUntil ?? 0) - t;
      return Math.max(0, ipWait, surnameWait, studentWait);
    },

    /** A login that found nobody. */
    failed(a: Attempt): void {
      const t = now().getTime();
      if (targets.size > MAX_TRACKED || addresses.size > MAX_TRACKED) sweep(t);
      fail(surnameKey(a), limits.targetFailures, t);
      fail(studentKey(a), limits.studentFailures, t);
      let ip = addresses.get(a.ip);
      if (!ip || ip.windowStart <= t - limits.windowMs) addresses.set(a.ip, (ip = { windowStart: t, failures: 0 }));
      ip.failures++;
    },
  };
}
export type Throttle = ReturnType<typeof createThrottle>;
