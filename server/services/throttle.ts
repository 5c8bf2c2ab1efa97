// Brute-force limits for the login, made for a whole school behind one IP address: failures are limited per
// target (school + surname, as a keyed hash) with a growing delay, and only generously per IP address.
// Kept in memory: one server process serves the fieldwork, and a restart forgetting the counts is harmless.

export interface ThrottleLimits {
  /** Failures per target within the window before the target is locked. */
  targetFailures: number;
  windowMs: number;
  /** First lock; every further failure within the window doubles it, up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Failures per IP address within the window: a school's classes log in together from one address. */
  ipFailures: number;
}

export const DEFAULT_THROTTLE: ThrottleLimits = {
  targetFailures: 10,
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

/** Above this many tracked targets, entries that no longer matter are swept out (and if need be the oldest). */
const MAX_TRACKED = 200_000;

export function createThrottle(limits: ThrottleLimits, now: () => Date) {
  const targets = new Map<string, Target>();
  const addresses = new Map<string, Address>();

  function sweep(t: number): void {
    for (const [k, v] of targets) if (v.lockedUntil <= t && (v.failures.at(-1) ?? 0) <= t - limits.windowMs) targets.delete(k);
    for (const [k, v] of addresses) if (v.windowStart <= t - limits.windowMs) addresses.delete(k);
    for (const k of targets.keys()) {
      if (targets.size <= MAX_TRACKED) break;
      targets.delete(k);
    }
    for (const k of addresses.keys()) {
      if (addresses.size <= MAX_TRACKED) break;
      addresses.delete(k);
    }
  }

  return {
    /** Milliseconds until the next attempt is allowed, or 0 when it is allowed now. */
    retryAfter(target: string, ip: string): number {
      const t = now().getTime();
      const a = addresses.get(ip);
      const ipWait = a && a.failures >= limits.ipFailures ? a.windowStart + limits.windowMs - t : 0;
      const targetWait = (targets.get(target)?.lockedUntil ?? 0) - t;
      return Math.max(0, ipWait, targetWait);
    },

    failed(target: string, ip: string): void {
      const t = now().getTime();
      if (targets.size > MAX_TRACKED || addresses.size > MAX_TRACKED) sweep(t);
      const entry = targets.get(target) ?? { failures: [], lockedUntil: 0 };
      entry.failures = entry.failures.filter((f) => f > t - limits.windowMs);
      entry.failures.push(t);
      const over = entry.failures.length - limits.targetFailures;
      if (over >= 0) entry.lockedUntil = t + Math.min(limits.baseDelayMs * 2 ** over, limits.maxDelayMs);
      targets.set(target, entry);

      let a = addresses.get(ip);
      if (!a || a.windowStart <= t - limits.windowMs) addresses.set(ip, (a = { windowStart: t, failures: 0 }));
      a.failures++;
    },
  };
}
export type Throttle = ReturnType<typeof createThrottle>;
