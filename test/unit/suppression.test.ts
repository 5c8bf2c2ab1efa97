// The privacy rule on hand-made cases: primary suppression under 5, the subtraction case, small pairs, a three-level
// hierarchy where a suppressed subtotal must be covered by its own parts, the national figure beside one institution,
// and the guard rails (counts that do not add up). Each case is checked by the attacker of linear-attack.ts too.
import { describe, expect, it } from 'vitest';
import { combineProblems, remainderId, suppressionPattern, treeProblem, type SuppressionProblem } from '../../server/services/reporting/suppression.ts';
import { attack } from './support/linear-attack.ts';

const flat = (total: number, parts: Record<string, number>): SuppressionProblem => treeProblem({ id: 'T', count: total, children: Object.entries(parts).map(([id, count]) => ({ id, count })) });
const sorted = (s: ReadonlySet<string>) => [...s].sort();
const primaryOnly = (p: SuppressionProblem) => new Set(p.cells.filter((c) => c.count < 5).map((c) => c.id));

describe('primary suppression', () => {
  it('hides every cell under 5 respondents, 0 included, and nothing else when nothing can be worked out', () => {
    const p = flat(16, { a: 0, b: 2, c: 4, d: 10 });
    const s = suppressionPattern(p);
    expect(sorted(s.primary)).toEqual(['a', 'b', 'c']);
    expect(sorted(s.suppressed)).toEqual(['a', 'b', 'c']);
    expect(s.complementary.size).toBe(0);
    expect([s.isShown('T'), s.isShown('d'), s.isShown('a')]).toEqual([true, true, false]);
    expect(attack(p, s.suppressed)).toEqual({ derived: new Map(), smallUnions: [] });
  });
});

describe('complementary suppression in one equation', () => {
  it('the subtraction case: one small group beside a shown total takes a second group with it', () => {
    const p = flat(20, { a: 3, b: 8, c: 9 });
    expect(attack(p, primaryOnly(p)).derived).toEqual(new Map([['a', 3]])); // 20 - 8 - 9
    const s = suppressionPattern(p);
    expect(sorted(s.suppressed)).toEqual(['a', 'b']); // the smallest group that settles it
    expect(sorted(s.complementary)).toEqual(['b']);
    expect(attack(p, s.suppressed)).toEqual({ derived: new Map(), smallUnions: [] });
  });

  it('two small groups that together hold 5 or more need nothing more', () => {
    const p = flat(26, { a: 2, b: 4, c: 20 });
    expect(sorted(suppressionPattern(p).suppressed)).toEqual(['a', 'b']);
  });

  it('two small groups under 5 together take a third, so their sum cannot be read', () => {
    const p = flat(39, { a: 1, b: 2, c: 6, d: 30 });
    expect(attack(p, primaryOnly(p)).smallUnions).toEqual([['a', 'b']]);
    const s = suppressionPattern(p);
    expect(sorted(s.suppressed)).toEqual(['a', 'b', 'c']);
    expect(attack(p, s.suppressed).smallUnions).toEqual([]);
  });

  it('chooses the smallest group that settles the equation, not smaller ones that do not', () => {
    // a = 2 needs 3 more: b (1) alone would not do, c (3) does, d (50) is larger.
    expect(sorted(suppressionPattern(flat(56, { a: 2, b: 1, c: 3, d: 50 })).suppressed)).toEqual(['a', 'b', 'c']); // b is primary itself
    expect(sorted(suppressionPattern(flat(65, { a: 2, b: 6, c: 7, d: 50 })).suppressed)).toEqual(['a', 'b']);
  });

  it('breaks ties in the order the cells were given, so every run is the same', () => {
    expect(sorted(suppressionPattern(flat(30, { a: 3, x: 9, y: 9, z: 9 })).complementary)).toEqual(['x']);
    expect(sorted(suppressionPattern(flat(30, { a: 3, z: 9, y: 9, x: 9 })).complementary)).toEqual(['z']);
  });

  it('a group with one subgroup: both show, or neither', () => {
    expect(sorted(suppressionPattern(flat(3, { a: 3 })).suppressed)).toEqual(['T', 'a']);
    expect(suppressionPattern(flat(8, { a: 8 })).suppressed.size).toBe(0);
  });
});

describe('a hierarchy of three levels', () => {
  // I = A + B + C; A = A1 + A2; A1 = A1a + A1b. B (2) and A2 (1) are under 5.
  const problem = treeProblem({
    id: 'I',
    count: 54,
    children: [
      {
        id: 'A',
        count: 12,
        children: [
          { id: 'A1', count: 11, children: [{ id: 'A1a', count: 6 }, { id: 'A1b', count: 5 }] },
          { id: 'A2', count: 1 },
        ],
      },
      { id: 'B', count: 2 },
      { id: 'C', count: 40 },
    ],
  });

  it('covers a suppressed subtotal with its own parts, down every level', () => {
    const s = suppressionPattern(problem);
    expect(sorted(s.primary)).toEqual(['A2', 'B']);
    // B takes A (the smallest that settles I's equation); A, now suppressed, takes A1 beside A2; A1 takes A1b.
    expect(sorted(s.complementary)).toEqual(['A', 'A1', 'A1b']);
    expect(attack(problem, s.suppressed)).toEqual({ derived: new Map(), smallUnions: [] });
  });

  it('why: with only "two suppressed cells of 5 or more per equation", B and A2 together could be worked out', () => {
    // That rule is met by suppressing B, A and A2 (I: A + B = 14; A: A + A2 = 13), yet A - A2 = A1 (shown) and
    // A + B = I - C give A2 + B = 3.
    expect(attack(problem, new Set(['A', 'A2', 'B'])).smallUnions).toEqual([['A2', 'B']]);
  });
});

describe('the national figure beside one institution', () => {
  const national = (I: number, R: number, groups: Record<string, number>) =>
    combineProblems(
      treeProblem({ id: 'N', count: I + R, children: [{ id: 'I', count: I }, { id: 'R', count: R }] }),
      treeProblem({ id: 'I', count: I, children: Object.entries(groups).map(([id, count]) => ({ id, count })) }),
    );

  // The rest of the country (R) is never printed, but national minus institution reaches it.
  const unprinted = new Set(['R']);

  it('a small institution: suppressed, with the rest of the country beside it', () => {
    const p = national(3, 500, { g: 3 });
    expect(sorted(suppressionPattern(p).suppressed)).toEqual(['I', 'R', 'g']);
    expect(attack(p, suppressionPattern(p).suppressed, unprinted)).toEqual({ derived: new Map(), smallUnions: [] });
  });

  it('an institution with nearly every respondent: the few others would follow from national minus institution', () => {
    const p = national(50, 2, { g1: 20, g2: 25, g3: 5 });
    expect(attack(p, primaryOnly(p), unprinted).derived.get('R')).toBe(2);
    const s = suppressionPattern(p);
    expect(sorted(s.complementary)).toEqual(['I', 'g3']);
    expect(s.isShown('N')).toBe(true);
    expect(attack(p, s.suppressed, unprinted)).toEqual({ derived: new Map(), smallUnions: [] });
  });

  it('a large institution leaves the rest of the country to be worked out, which is no secret at 5 or more', () => {
    const p = national(40, 900, { g1: 20, g2: 20 });
    expect(suppressionPattern(p).suppressed.size).toBe(0);
    expect(attack(p, new Set(), unprinted).derived).toEqual(new Map([['R', 900]]));
  });
});

describe('a pattern computed before', () => {
  it('keeps cells another pattern suppressed, and protects them like its own', () => {
    // The national week figure N@2 (30) is suppressed nationally; this institution's week 2 (I@2) must not give it away.
    const p = combineProblems(
      treeProblem({ id: 'N@2', count: 30, alreadySuppressed: true, children: [{ id: 'I@2', count: 10 }, { id: 'R@2', count: 20 }] }),
      treeProblem({ id: 'I', count: 40, children: [{ id: 'I@1', count: 30 }, { id: 'I@2', count: 10 }] }),
    );
    const s = suppressionPattern(p);
    expect(sorted(s.suppressed)).toEqual(['I@1', 'I@2', 'N@2']);
    expect(s.primary.size).toBe(0);
    expect(sorted(s.complementary)).toEqual(['I@1', 'I@2']);
    expect(attack(p, s.suppressed, new Set(['R@2'])).derived).toEqual(new Map());
  });
});

describe('building and guarding the problem', () => {
  it('adds a remainder where subgroups hold fewer than their group', () => {
    const p = treeProblem({ id: 'L1', count: 9, children: [{ id: 'L1.a', count: 6 }] });
    expect(p.cells).toContainEqual({ id: remainderId('L1'), count: 3 });
    expect(p.equations).toEqual([{ total: 'L1', parts: ['L1.a', remainderId('L1')] }]);
    // The remainder is a group of 3 people: the one subgroup shown would give it away.
    expect(sorted(suppressionPattern(p).suppressed)).toEqual(['L1.a', remainderId('L1')]);
  });

  it('refuses counts that do not add up, unknown or doubled cells, and breakdowns that disagree', () => {
    expect(() => suppressionPattern({ cells: [{ id: 'T', count: 9 }, { id: 'a', count: 5 }], equations: [{ total: 'T', parts: ['a'] }] })).toThrow(/"T" holds 9, its parts 5/);
    expect(() => suppressionPattern({ cells: [{ id: 'T', count: 5 }], equations: [{ total: 'T', parts: ['x'] }] })).toThrow(/"x", which is not given/);
    expect(() => suppressionPattern({ cells: [{ id: 'T', count: 5 }, { id: 'T', count: 5 }], equations: [] })).toThrow(/given twice/);
    expect(() => combineProblems(flat(10, { a: 10 }), flat(11, { b: 11 }))).toThrow(/"T" differs/);
  });
});
