// The attacker test on the problems the results service builds (server/services/reporting/results-privacy.ts and
// result-groups.ts), on generated institutions with many small groups: every number an institution gets for a row
// (label tree with its empty-label groups, crebo, leerweg, niveau, leerjaar, weeks, itself, the national figure as a
// whole and per week), solved exactly. Nothing under 5 may come out, alone or as a sum; the national figures keep
// the national pattern.
import { describe, expect, it } from 'vitest';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { GroupStructure, groupsOf } from '../../server/services/reporting/result-groups.ts';
import { institutionProblem, nationalPattern, weekCell } from '../../server/services/reporting/results-privacy.ts';
import { suppressionPattern } from '../../server/services/reporting/suppression.ts';
import { attack } from './support/linear-attack.ts';

const WEEKS = ['2024-W02', '2024-W03', '2024-W04', '2024-W05', '2024-W06'];

function generated(seed: number) {
  const rng = xoroshiro128plus(seed);
  const int = (min: number, max: number) => uniformInt(rng, min, max);
  const counts = new Map<string, number>();
  let total = 0;
  const people = int(8, 60);
  for (let i = 0; i < people; i++) {
    const l1 = int(0, 5) === 0 ? null : `L${int(1, 3)}`;
    const l2 = l1 && int(0, 4) ? `T${int(1, 4)}` : null;
    const l3 = l2 && int(0, 2) ? `K${int(1, 3)}` : null;
    const ids = groupsOf({
      labels: [l1, l2, l3],
      crebo: int(0, 3) ? '25655' : `2${int(3000, 3003)}`,
      leerweg: int(0, 4) ? 'BOL' : 'BBL',
      niveau: int(1, 4),
      leerjaar: int(0, 8) ? `j${int(1, 3)}` : null,
      week: WEEKS[int(0, WEEKS.length - 1)]!,
    });
    for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
    total++;
  }
  const structure = new GroupStructure(counts.keys());
  const count = (id: string) => counts.get(id) ?? 0;
  const weeks = new Map(structure.weekIds().map(({ id, week }) => [week, count(id)] as const).filter(([, n]) => n > 0));
  // The rest of the country per week: mostly large, sometimes nearly empty.
  const national = new Map(WEEKS.map((w) => [w, (weeks.get(w) ?? 0) + (int(0, 4) ? int(30, 300) : int(0, 4))] as const).filter(([, n]) => n > 0));
  const pattern = nationalPattern(national);
  const problem = institutionProblem({ count: total, breakdowns: structure.breakdowns(count), weeks, national: { weeks: national, pattern } });
  const unpublished = new Set(problem.cells.map((c) => c.id).filter((id) => id === 'R' || id.startsWith('R@') || id.endsWith('|rest')));
  return { problem, unpublished, nationalSuppressed: pattern.suppressed, national };
}

const SEEDS = Array.from({ length: 40 }, (_, i) => 100 + i);

describe('the results privacy rule against an attacker', () => {
  it.each(SEEDS)('gives nothing under 5 away (seed %i)', (seed) => {
    const { problem, unpublished } = generated(seed);
    const pattern = suppressionPattern(problem);
    const { derived, smallUnions } = attack(problem, pattern.suppressed, unpublished);
    expect([...derived.keys()].filter((id) => pattern.suppressed.has(id))).toEqual([]);
    expect(smallUnions).toEqual([]);
  });

  it('agrees with the national pattern on the national figures, for every institution', () => {
    for (const seed of SEEDS) {
      const { problem, nationalSuppressed, national } = generated(seed);
      const pattern = suppressionPattern(problem);
      const ids = ['N', ...[...national.keys()].map((w) => weekCell('N', w))];
      expect(ids.filter((id) => pattern.suppressed.has(id)), `seed ${seed}`).toEqual(ids.filter((id) => nationalSuppressed.has(id)));
    }
  });

  it('is a real test: many groups are under 5, and primary suppression alone would be caught', () => {
    let small = 0;
    let caught = 0;
    for (const seed of SEEDS) {
      const { problem, unpublished } = generated(seed);
      small += problem.cells.filter((c) => c.count > 0 && c.count < 5 && !unpublished.has(c.id)).length;
      const weak = new Set(problem.cells.filter((c) => c.count < 5 || c.alreadySuppressed).map((c) => c.id));
      const { derived, smallUnions } = attack(problem, weak, unpublished);
      if ([...derived.keys()].some((id) => weak.has(id)) || smallUnions.length) caught++;
    }
    expect(small).toBeGreaterThan(200);
    expect(caught).toBeGreaterThan(20);
  });
});
