// A generated institution with many small groups, seeded and deterministic, and every number it can get for one
// question: its label tree (label 1 > 2 > 3, "zonder label"), flat breakdowns (crebo, leerweg, niveau, leerjaar, week),
// itself, the national figure and the national figure per week (the rest of the country unprinted, but derivable).
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { combineProblems, suppressionPattern, treeProblem, type GroupNode, type SuppressionProblem } from '../../../server/services/reporting/suppression.ts';

interface Respondent {
  path: string[]; // [] for "zonder label", else 1 to 3 labels
  crebo: string;
  leerweg: string;
  niveau: string;
  leerjaar: string;
  week: number;
}

export interface GeneratedInstitution {
  /** Every cell and equation an institution's outputs for one question involve. */
  problem: SuppressionProblem;
  /** National cells suppressed by the national pattern, computed first and the same for every institution. */
  nationalSuppressed: Set<string>;
  /** Cells no output prints: the rest of the country (per week) and the remainders of the label tree. */
  unpublished: Set<string>;
  respondents: number;
}

const WEEKS = 10;

export function generateInstitution(seed: number): GeneratedInstitution {
  const rng = xoroshiro128plus(seed);
  const int = (min: number, max: number) => uniformInt(rng, min, max);
  const pick = <T>(xs: readonly T[]) => xs[int(0, xs.length - 1)]!;
  /** Mostly small groups: 0-4 often, up to 14 sometimes. */
  const small = () => (int(0, 3) === 0 ? int(5, 14) : int(0, 4));

  const crebos = Array.from({ length: int(2, 6) }, (_, i) => `2${5000 + i * 37 + int(0, 30)}`);
  const people: Respondent[] = [];
  const add = (path: string[], n: number) => {
    for (let i = 0; i < n; i++) {
      people.push({
        path,
        crebo: int(0, 2) === 0 ? pick(crebos) : crebos[0]!,
        leerweg: int(0, 4) === 0 ? 'BBL' : 'BOL',
        niveau: String(int(1, 4)),
        leerjaar: int(0, 9) === 0 ? 'onbekend' : String(int(1, 4)),
        week: int(1, WEEKS),
      });
    }
  };
  const tree: GroupNode = { id: 'I', count: 0, children: [] };
  for (let a = 1, n1 = int(2, 4); a <= n1; a++) {
    const l1: GroupNode = { id: `L${a}`, count: 0, children: [] };
    for (let b = 1, n2 = int(1, 4); b <= n2; b++) {
      const l2: GroupNode = { id: `L${a}.${b}`, count: 0, children: [] };
      for (let c = 1, n3 = int(1, 3); c <= n3; c++) l2.children!.push({ id: `L${a}.${b}.${c}`, count: 0 });
      l1.children!.push(l2);
    }
    tree.children!.push(l1);
  }
  tree.children!.push({ id: 'zonder label', count: 0 });
  for (const l1 of tree.children!) {
    if (!l1.children) add([], small());
    else {
      if (int(0, 3) === 0) add([l1.id], int(0, 3)); // label 1 only: a hidden remainder
      for (const l2 of l1.children) {
        if (int(0, 3) === 0) add([l1.id, l2.id], int(0, 3)); // labels 1 and 2 only
        for (const l3 of l2.children!) add([l1.id, l2.id, l3.id], small());
      }
    }
  }
  // Label ids are unique over all levels, so a group holds everyone whose labels name it.
  const countTree = (node: GroupNode) => {
    node.count = node.id === 'I' ? people.length : node.id === 'zonder label' ? people.filter((p) => !p.path.length).length : people.filter((p) => p.path.includes(node.id)).length;
    node.children?.forEach(countTree);
  };
  countTree(tree);

  const I = people.length;
  const flat = (key: 'crebo' | 'leerweg' | 'niveau' | 'leerjaar', prefix: string): GroupNode => {
    const values = [...new Set(people.map((p) => p[key]))].sort();
    return { id: 'I', count: I, children: values.map((v) => ({ id: `${prefix}:${v}`, count: people.filter((p) => p[key] === v).length })) };
  };
  // The rest of the country per week: mostly large, sometimes nearly empty (a quiet week, a small edition).
  const rest = Array.from({ length: WEEKS }, () => (int(0, 4) === 0 ? int(0, 6) : int(40, 400)));
  const inWeek = (w: number) => people.filter((p) => p.week === w).length;
  const N = I + rest.reduce((a, b) => a + b, 0);
  const nationalWeeks: GroupNode = { id: 'N', count: N, children: rest.map((r, i) => ({ id: `N@${i + 1}`, count: r + inWeek(i + 1) })) };
  const nationalSuppressed = new Set(suppressionPattern(treeProblem(nationalWeeks)).suppressed);
  const national = (node: GroupNode): GroupNode => ({ ...node, ...(nationalSuppressed.has(node.id) ? { alreadySuppressed: true } : {}), children: node.children?.map(national) });

  const problem = combineProblems(
    treeProblem(tree),
    ...(['crebo', 'leerweg', 'niveau', 'leerjaar'] as const).map((k) => treeProblem(flat(k, k))),
    treeProblem({ id: 'I', count: I, children: rest.map((_, i) => ({ id: `I@${i + 1}`, count: inWeek(i + 1) })) }),
    treeProblem(national(nationalWeeks)),
    // National = this institution + the rest of the country, as a whole and per week.
    treeProblem(national({ id: 'N', count: N, children: [{ id: 'I', count: I }, { id: 'R', count: N - I }] })),
    treeProblem({ id: 'R', count: N - I, children: rest.map((r, i) => ({ id: `R@${i + 1}`, count: r })) }),
    ...rest.map((r, i) => treeProblem(national({ id: `N@${i + 1}`, count: r + inWeek(i + 1), children: [{ id: `I@${i + 1}`, count: inWeek(i + 1) }, { id: `R@${i + 1}`, count: r }] }))),
  );
  // Never printed, but reached by subtraction: the rest of the country and the remainders of the label tree.
  const unpublished = new Set(problem.cells.map((c) => c.id).filter((id) => id === 'R' || id.startsWith('R@') || id.endsWith('|rest')));
  return { problem, nationalSuppressed, unpublished, respondents: I };
}
