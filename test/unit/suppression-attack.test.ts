// The attacker test of the privacy rule: on generated institutions with many small groups, collect every number the
// institution can get for a question (label tree, flat breakdowns, itself, the national figure and the national figure
// per week) and solve the equations exactly. No suppressed cell, and no set of suppressed cells together under 5,
// may come out; a weakened rule (primary suppression only) must be caught.
import { describe, expect, it } from 'vitest';
import { suppressionPattern } from '../../server/services/reporting/suppression.ts';
import { generateInstitution } from './support/generated-institution.ts';
import { attack } from './support/linear-attack.ts';

const SEEDS = Array.from({ length: 40 }, (_, i) => i + 1);

describe('an attacker with every number an institution gets', () => {
  it.each(SEEDS)('works out nothing under 5 and no suppressed group (seed %i)', (seed) => {
    const { problem, unpublished } = generateInstitution(seed);
    const pattern = suppressionPattern(problem);
    const { derived, smallUnions } = attack(problem, pattern.suppressed, unpublished);
    // Only unprinted groups the pattern shows (5 or more) may follow, such as national minus institution.
    expect([...derived.keys()].filter((id) => pattern.suppressed.has(id))).toEqual([]);
    expect(smallUnions).toEqual([]);
  });

  it('leaves the national figures as the national pattern has them, for every institution', () => {
    for (const seed of SEEDS) {
      const { problem, nationalSuppressed } = generateInstitution(seed);
      const national = [...suppressionPattern(problem).suppressed].filter((id) => id === 'N' || id.startsWith('N@'));
      expect(national.sort(), `seed ${seed}`).toEqual([...nationalSuppressed].sort());
    }
  });

  it('is a real test: the generated data has many small groups, and much of it is still shown', () => {
    let cells = 0;
    let primary = 0;
    let shownOf5 = 0;
    let of5 = 0;
    for (const seed of SEEDS) {
      const { problem, unpublished } = generateInstitution(seed);
      const pattern = suppressionPattern(problem);
      const published = problem.cells.filter((c) => !unpublished.has(c.id) && !c.alreadySuppressed);
      cells += published.length;
      primary += published.filter((c) => pattern.primary.has(c.id)).length;
      of5 += published.filter((c) => c.count >= 5).length;
      shownOf5 += published.filter((c) => c.count >= 5 && pattern.isShown(c.id)).length;
      expect(pattern.isShown('I'), `seed ${seed}`).toBe(true);
    }
    expect(primary / cells).toBeGreaterThan(0.3);
    expect(shownOf5 / of5).toBeGreaterThan(0.6);
  });
});

describe('the attacker catches a weakened rule', () => {
  it('primary suppression alone gives groups under 5 away, with their true counts', () => {
    let caught = 0;
    for (const seed of SEEDS) {
      const { problem, unpublished } = generateInstitution(seed);
      const weak = new Set(problem.cells.filter((c) => c.count < 5 || c.alreadySuppressed).map((c) => c.id));
      const { derived, smallUnions } = attack(problem, weak, unpublished);
      const count = new Map(problem.cells.map((c) => [c.id, c.count]));
      const small = [...derived].filter(([id]) => count.get(id)! < 5);
      for (const [id, value] of small) expect(value, `${id} in seed ${seed}`).toBe(count.get(id));
      if (small.length || smallUnions.length) caught++;
    }
    expect(caught).toBe(SEEDS.length);
  });

  it('so does forgetting one complementary cell', () => {
    let caught = 0;
    for (const seed of SEEDS) {
      const { problem, unpublished } = generateInstitution(seed);
      const pattern = suppressionPattern(problem);
      const [first] = [...pattern.complementary];
      if (first === undefined) continue;
      const weakened = new Set(pattern.suppressed);
      weakened.delete(first);
      const { derived, smallUnions } = attack(problem, weakened, unpublished);
      if ([...derived.keys()].some((id) => weakened.has(id)) || smallUnions.length) caught++;
    }
    expect(caught).toBeGreaterThan(SEEDS.length / 2);
  });
});
