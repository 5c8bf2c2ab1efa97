// The groups of an institution's results: which groups a respondent is in (analysis label 1 > 2 > 3, crebo,
// leerweg, niveau, leerjaar, fieldwork week), the label tree they form, and a row's breakdowns for the privacy rule.
// Pure.
import type { Breakdown as BreakdownName, ResultGroup } from '../../api/staff-reports.ts';
import type { GroupNode } from './suppression.ts';
import type { Breakdown } from './results-privacy.ts';
import { byLabel } from './overview-tree.ts';

export const FLAT = ['crebo', 'leerweg', 'niveau', 'leerjaar'] as const;
export type FlatDimension = (typeof FLAT)[number];

/** What places a respondent in groups. */
export interface Membership {
  labels: readonly (string | null)[];
  crebo: string | null;
  leerweg: string | null;
  niveau: number | null;
  leerjaar: string | null;
  week: string;
}

export const labelGroupId = (path: readonly (string | null)[]) => `a:${JSON.stringify(path)}`;
export const flatGroupId = (dim: FlatDimension | 'week', value: string | number | null) => `${dim}:${value === null ? '' : String(value)}`;

/** The group ids of one respondent: every label level down to the first empty one (that one included), and one per flat breakdown. */
export function groupsOf(m: Membership): string[] {
  const out: string[] = [];
  const path: (string | null)[] = [];
  for (let level = 0; level < 3; level++) {
    const label = m.labels[level] ?? null;
    path.push(label);
    out.push(labelGroupId(path));
    if (label === null) break;
  }
  out.push(flatGroupId('crebo', m.crebo), flatGroupId('leerweg', m.leerweg), flatGroupId('niveau', m.niveau), flatGroupId('leerjaar', m.leerjaar));
  out.push(flatGroupId('week', m.week));
  return out;
}

/** Like groupsOf, but of the label levels only the deepest: the tallies of the levels above are sums of these. */
export function leafGroupsOf(m: Membership): string[] {
  const all = groupsOf(m);
  const labels = all.filter((g) => g.startsWith('a:'));
  return [labels[labels.length - 1]!, ...all.filter((g) => !g.startsWith('a:'))];
}

/** The label group ids above and at a deepest one: [label 1], [label 1, label 2], ... */
export function labelPrefixIds(leafId: string): string[] {
  const path = JSON.parse(leafId.slice(2)) as (string | null)[];
  return path.map((_, i) => labelGroupId(path.slice(0, i + 1)));
}

interface LabelNode {
  id: string;
  path: (string | null)[];
  children: LabelNode[];
}

/** The structure of an institution's groups, from the ids its respondents are in. */
export class GroupStructure {
  readonly labelRoots: LabelNode[];
  readonly flat: Record<FlatDimension | 'week', { id: string; value: string | null }[]>;

  constructor(groupIds: Iterable<string>) {
    const paths: (string | null)[][] = [];
    this.flat = { crebo: [], leerweg: [], niveau: [], leerjaar: [], week: [] };
    for (const id of groupIds) {
      if (id.startsWith('a:')) paths.push(JSON.parse(id.slice(2)) as (string | null)[]);
      const cut = id.indexOf(':');
      const dim = id.slice(0, cut);
      if (isFlat(dim)) this.flat[dim].push({ id, value: id.slice(cut + 1) || null });
    }
    for (const list of Object.values(this.flat)) list.sort((a, b) => order(a.value, b.value));
    const childrenOf = (parent: (string | null)[]): LabelNode[] => {
      const kids = paths.filter((p) => p.length === parent.length + 1 && parent.every((v, i) => p[i] === v)).sort((a, b) => order(a[a.length - 1]!, b[b.length - 1]!));
      // Subgroups only where some members have a label at the next level; "no label here" is then a subgroup too.
      if (parent.length && !kids.some((p) => p[p.length - 1] !== null)) return [];
      return kids.map((path) => ({ id: labelGroupId(path), path, children: path[path.length - 1] === null ? [] : childrenOf(path) }));
    };
    this.labelRoots = childrenOf([]);
  }

  /** The label groups at one level (1 to 3) that the tree holds. */
  labelLevel(level: number): LabelNode[] {
    let nodes = this.labelRoots;
    for (let l = 1; l < level; l++) nodes = nodes.flatMap((n) => n.children);
    return nodes;
  }

  /** The groups a `--by` shows, in order. */
  groupsFor(by: BreakdownName): ResultGroup[] {
    if (by === 'analyselabel1' || by === 'analyselabel2' || by === 'analyselabel3') {
      return this.labelLevel(Number(by.slice(-1))).map((n) => ({ id: n.id, label: n.path[n.path.length - 1] ?? null, path: n.path }));
    }
    return this.flat[by].map((g) => ({ id: g.id, label: g.value }));
  }

  /** The row's breakdowns with their counts, groups of 0 left out. */
  breakdowns(count: (groupId: string) => number): Breakdown[] {
    const node = (n: LabelNode): GroupNode | null => {
      const c = count(n.id);
      if (!c) return null;
      const children = n.children.map(node).filter((x): x is GroupNode => x !== null);
      return children.length ? { id: n.id, count: c, children } : { id: n.id, count: c };
    };
    const nonZero = (xs: (GroupNode | null)[]) => xs.filter((x): x is GroupNode => x !== null);
    return [
      { groups: nonZero(this.labelRoots.map(node)) },
      ...FLAT.map((dim) => ({ groups: nonZero(this.flat[dim].map((g) => (count(g.id) ? { id: g.id, count: count(g.id) } : null))) })),
    ];
  }

  weekIds(): { id: string; week: string }[] {
    return this.flat.week.map((g) => ({ id: g.id, week: g.value! }));
  }
}

const isFlat = (dim: string): dim is FlatDimension | 'week' => dim === 'week' || (FLAT as readonly string[]).includes(dim);

/** Values in the order a person expects, the group without a value last. */
function order(a: string | null, b: string | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return byLabel(a, b);
}
