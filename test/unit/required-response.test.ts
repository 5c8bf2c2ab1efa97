// The required-response calculator: Cochran's formula with the finite population correction against worked values
// and Krejcie & Morgan's (1970) table, the margin of error reached, and the edge cases the overview meets.
import { describe, expect, it } from 'vitest';
import { assessResponse, marginReached, requiredResponse, zFor } from '../../server/services/reporting/required-response.ts';
import { AppError } from '../../server/services/common/errors.ts';

/** z for 95%, two-sided, to 16 digits (any statistics table), so the worked values below do not use the code under test. */
const Z95 = 1.959963984540054;
const byHand = (N: number, z = Z95, e = 0.05, p = 0.5) => {
  const n0 = (z * z * p * (1 - p)) / (e * e);
  return (N * n0) / (N - 1 + n0);
};

describe('zFor', () => {
  it.each([
    [0.9, 1.6448536269514722],
    [0.95, Z95],
    [0.99, 2.5758293035489004],
  ])('confidence %s gives z = %s', (confidence, z) => {
    expect(zFor(confidence)).toBeCloseTo(z, 12);
  });
});

describe('requiredResponse', () => {
  it.each([
    // N, n: by hand, n0 = 1.96^2 * 0.25 / 0.05^2 = 384.146; n = ceil(N * n0 / (N - 1 + n0))
    [30, 28], // 27.87
    [100, 80], // 79.51
    [500, 218], // 217.49
    [5_000, 357], // 356.78
    [500_000, 384], // 383.86
  ])('a group of %i needs %i completed', (N, n) => {
    expect(requiredResponse(N)).toBe(n);
    expect(requiredResponse(N)).toBe(Math.ceil(byHand(N)));
  });

  it('reproduces Krejcie & Morgan (1970), who rounded to the nearest whole number where we round up', () => {
    // Their table, computed with chi-square 3.841 (= 1.96^2) and rounded to the nearest whole number. Rounding up is the
    // cautious convention, so we need the same or one more; one more exactly where they rounded down.
    const km: [number, number][] = [
      [10, 10], [15, 14], [20, 19], [30, 28], [50, 44], [75, 63], [100, 80], [150, 108], [200, 132], [250, 152],
      [300, 169], [400, 196], [500, 217], [750, 254], [1_000, 278], [1_500, 306], [2_000, 322], [3_000, 341],
      [5_000, 357], [10_000, 370], [20_000, 377], [50_000, 381], [75_000, 382], [1_000_000, 384],
    ];
    for (const [N, s] of km) {
      const km1970 = byHand(N, Math.sqrt(3.841));
      expect(Math.round(km1970), `K&M's own rounding for N = ${N}`).toBe(s);
      const ours = requiredResponse(N);
      expect(ours, `N = ${N}`).toBe(km1970 % 1 < 0.5 && km1970 % 1 > 0 ? s + 1 : s);
    }
  });

  it('needs everyone in a very small group, and nobody in an empty one', () => {
    expect(requiredResponse(0)).toBe(0);
    expect(requiredResponse(1)).toBe(1);
    expect(requiredResponse(2)).toBe(2);
    expect(requiredResponse(5)).toBe(5);
  });

  it('grows with a smaller margin or a higher confidence, and is at most the group', () => {
    expect(requiredResponse(1_000, { margin: 0.03 })).toBe(Math.ceil(byHand(1_000, Z95, 0.03)));
    expect(requiredResponse(1_000, { confidence: 0.99 })).toBe(Math.ceil(byHand(1_000, 2.5758293035489004)));
    expect(requiredResponse(1_000, { confidence: 0.99 })).toBeGreaterThan(requiredResponse(1_000));
    expect(requiredResponse(1_000, { proportion: 0.2 })).toBeLessThan(requiredResponse(1_000));
    expect(requiredResponse(40, { margin: 0.001 })).toBe(40);
  });

  it.each([
    [-1, {}],
    [2.5, {}],
    [Number.NaN, {}],
    [100, { margin: 0 }],
    [100, { margin: 1 }],
    [100, { confidence: 1.2 }],
    [100, { proportion: 0 }],
  ])('refuses population %s with %j, in both languages', (N, options) => {
    try {
      requiredResponse(N, options);
      expect.unreachable();
    } catch (err) {
      expect(AppError.is(err, 'invalid_input')).toBe(true);
      const e = err as AppError<'invalid_input'>;
      expect(e.text.nl).toMatch(/moet/);
      expect(e.text.en).toMatch(/must/);
    }
  });
});

describe('marginReached', () => {
  it('a class of 30 with 20 completed: about +/- 12.9 points', () => {
    const e = marginReached(30, 20)!;
    expect(e).toBeCloseTo(Z95 * Math.sqrt(0.25 / 20) * Math.sqrt(10 / 29), 12);
    expect(Math.round(e * 1000) / 10).toBe(12.9);
  });

  it('without the finite population correction a large group gives the textbook margin', () => {
    // 384 of 500,000 is the sample the formula asks for: close to +/- 5 points.
    expect(marginReached(500_000, 384)).toBeCloseTo(0.05, 3);
    expect(marginReached(500_000, 384)!).toBeLessThan(0.05);
  });

  it('the required number reaches the margin asked for, one fewer does not', () => {
    for (const N of [30, 100, 500, 5_000, 500_000]) {
      const n = requiredResponse(N);
      expect(marginReached(N, n)!, `N = ${N}`).toBeLessThanOrEqual(0.05);
      if (n > 1) expect(marginReached(N, n - 1)!, `N = ${N}`).toBeGreaterThan(0.05);
    }
  });

  it('is 0 when everyone completed and null when nothing can be said', () => {
    expect(marginReached(30, 30)).toBe(0);
    expect(marginReached(1, 1)).toBe(0);
    expect(marginReached(30, 0)).toBeNull();
    expect(marginReached(0, 0)).toBeNull();
    expect(marginReached(30, 31)).toBeNull();
  });

  it('refuses a count that is not a whole number of 0 or more', () => {
    expect(() => marginReached(30, -1)).toThrow(AppError);
    expect(() => marginReached(30, 1.5)).toThrow(/completed/);
  });
});

describe('assessResponse', () => {
  it('gives the overview its figures per group', () => {
    expect(assessResponse(30, 20)).toEqual({ population: 30, completed: 20, required: 28, reached: false, margin: marginReached(30, 20), note: null });
    expect(assessResponse(100, 80)).toMatchObject({ required: 80, reached: true });
    expect(assessResponse(100, 79)).toMatchObject({ required: 80, reached: false });
  });

  it('explains each edge: empty group, nobody completed, everyone completed, more completed than the population', () => {
    expect(assessResponse(0, 0)).toMatchObject({ required: 0, reached: true, margin: null, note: 'no_population' });
    expect(assessResponse(30, 0)).toMatchObject({ required: 28, reached: false, margin: null, note: 'no_completed' });
    expect(assessResponse(30, 30)).toMatchObject({ required: 28, reached: true, margin: 0, note: 'census' });
    expect(assessResponse(30, 33)).toMatchObject({ required: 28, reached: true, margin: null, note: 'more_completed_than_population' });
  });
});
