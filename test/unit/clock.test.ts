// The Dutch calendar day of a moment, remembered per UTC hour: the same day the time-zone formatter gives, at every
// quarter hour across two years with their daylight-saving changes, whatever order the moments come in.
import { describe, expect, it } from 'vitest';
import { dayOf, isoWeekOfDay } from '../../server/services/common/clock.ts';

const formatter = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

describe('dayOf', () => {
  it('is the Amsterdam calendar day at every quarter hour of 2026 and 2027, forwards and jumping back and forth', () => {
    const from = Date.UTC(2026, 0, 1), to = Date.UTC(2028, 0, 1), step = 15 * 60_000;
    for (let ms = from; ms < to; ms += step) expect(dayOf(new Date(ms))).toBe(formatter.format(new Date(ms)));
    // Alternating between two moments on either side of midnight: the remembered hour must not leak into the other.
    for (let ms = from; ms < to; ms += 97 * step) {
      const other = new Date(to - (ms - from));
      expect(dayOf(new Date(ms))).toBe(formatter.format(new Date(ms)));
      expect(dayOf(other)).toBe(formatter.format(other));
    }
  });

  it('changes day at midnight in the Netherlands, in winter (UTC+1) and in summer (UTC+2)', () => {
    expect(dayOf(new Date('2026-01-14T22:59:59.999Z'))).toBe('2026-01-14');
    expect(dayOf(new Date('2026-01-14T23:00:00.000Z'))).toBe('2026-01-15');
    expect(dayOf(new Date('2026-07-14T21:59:59.999Z'))).toBe('2026-07-14');
    expect(dayOf(new Date('2026-07-14T22:00:00.000Z'))).toBe('2026-07-15');
  });

  it('is right for moments before the offsets were whole hours (1937: UTC+00:20)', () => {
    const d = new Date('1937-06-01T23:50:00Z');
    expect(dayOf(d)).toBe(formatter.format(d));
    expect(dayOf(d)).toBe('1937-06-02');
  });
});

describe('isoWeekOfDay', () => {
  it('counts ISO weeks, the first holding the year\'s first Thursday', () => {
    expect(isoWeekOfDay('2026-01-01')).toBe('2026-W01');
    expect(isoWeekOfDay('2027-01-01')).toBe('2026-W53');
    expect(isoWeekOfDay('2026-11-30')).toBe('2026-W49');
  });
});
