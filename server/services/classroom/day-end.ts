// The end of a calendar day in the Netherlands as an instant: when a classroom code made that day expires.
import { dayOf } from '../common/clock.ts';

const amsterdamTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/**
 * The first instant of the next day in Europe/Amsterdam after `at`. Midnight there is UTC+1 (winter) or UTC+2
 * (summer); the clock changes at 02:00/03:00, so midnight itself is never skipped or doubled.
 */
export function endOfDayAmsterdam(at: Date): Date {
  const [y, m, d] = dayOf(at).split('-').map(Number) as [number, number, number];
  const nextMidnightUtc = Date.UTC(y, m - 1, d + 1);
  for (const offsetHours of [1, 2]) {
    const candidate = new Date(nextMidnightUtc - offsetHours * 3_600_000);
    if (amsterdamTime.format(candidate) === '00:00' && dayOf(candidate) !== dayOf(at)) return candidate;
  }
  throw new Error(`no midnight found in Europe/Amsterdam after ${at.toISOString()}`);
}
