// An institution's answers added up for its results. Every group needs its respondents per result row (the privacy
// rule judges those); only the groups an output shows need the figures. So each response adds its figures to its
// deepest label group (and to its group of the breakdown asked for) and only counts to the rest, in typed arrays:
// most of the work of results, kept to what is needed. Label groups above and the institution are sums. Pure.
import type { Answers, Questionnaire, RoutingContext } from '../../../questionnaire/index.ts';
import { MODULE_PREFIX } from '../../../questionnaire/module.ts';
import type { Breakdown } from '../../api/staff-reports.ts';
import { addTallies, answerIncrements, type QuestionTally } from './cell-stats.ts';
import { leafGroupsOf, labelPrefixIds, type Membership } from './result-groups.ts';
import { shownAnswers, TallySet } from './tallies.ts';
import type { Variants } from './variants.ts';
import { INSTITUTION } from './results-privacy.ts';

export interface TallyResponse {
  version: string;
  moduleVersion: string | null;
  definition: Questionnaire;
  answers: Answers;
  context: RoutingContext;
  /** Where the response belongs; leerjaar is filled in from its answer. */
  membership: Omit<Membership, 'leerjaar'>;
}

export interface InstitutionTallies {
  /** Every group with respondents (label groups at every level, flat groups), not the institution itself. */
  groupIds: string[];
  /** Respondents of a group for a row (a question, or item `item` of a grid). */
  count(group: string, rowKey: string, item: number): number;
  /** The figures of the institution, a label group, or a group of the breakdown asked for. */
  tally(group: string, rowKey: string): QuestionTally | undefined;
}

const isModule = (id: string) => id.startsWith(MODULE_PREFIX);
const rowsOf = (q: Questionnaire['pages'][number]['questions'][number]) => (q.type === 'grid' ? q.items.length : 1);

export function tallyInstitution(responses: Iterable<TallyResponse>, core: Variants, module: Variants, by: Breakdown | null): InstitutionTallies {
  const variants = [...core.list, ...module.list];
  const base = new Map<string, number>();
  let width = 0;
  for (const v of variants) {
    base.set(v.key, width);
    width += rowsOf(v.question);
  }
  const counts = new Map<string, Int32Array>();
  const countsOf = (g: string) => {
    let c = counts.get(g);
    if (!c) counts.set(g, (c = new Int32Array(width)));
    return c;
  };
  const figures = new TallySet();
  const flatShown = by && !by.startsWith('analyselabel') ? `${by}:` : null;

  for (const r of responses) {
    const shown = shownAnswers(r.definition, r.answers, r.context);
    const leerjaar = shown.find((s) => s.question.id === 'leerjaar')?.value;
    const groups = leafGroupsOf({ ...r.membership, leerjaar: typeof leerjaar === 'string' ? leerjaar : null });
    const counted = groups.map(countsOf);
    const withFigures = groups.filter((g, i) => i === 0 || (flatShown !== null && g.startsWith(flatShown)));
    for (const { question, value } of shown) {
      const variant = isModule(question.id) ? (r.moduleVersion ? module.of(r.moduleVersion, question.id) : undefined) : core.of(r.version, question.id);
      if (!variant) continue;
      const increments = answerIncrements(variant.question, value);
      if (!increments.length) continue;
      figures.addIncrements(withFigures, variant, increments);
      const at = base.get(variant.key)!;
      for (const c of counted) for (const inc of increments) c[at + inc.row]!++;
    }
  }

  // Label groups above the deepest, and the institution: sums of the deepest.
  const leaves = [...counts.keys()].filter((g) => g.startsWith('a:'));
  const above = new Map<string, string[]>([[INSTITUTION, leaves]]);
  for (const leaf of leaves) for (const id of labelPrefixIds(leaf).slice(0, -1)) above.set(id, [...(above.get(id) ?? []), leaf]);
  for (const [group, parts] of above) {
    const sum = countsOf(group);
    for (const p of parts) counts.get(p)!.forEach((n, i) => (sum[i] = sum[i]! + n));
    for (const v of variants) {
      const present = parts.map((p) => figures.get(p, v.key)).filter((x): x is QuestionTally => x !== undefined);
      if (present.length) figures.set(group, v.key, addTallies(v.question, present));
    }
  }
  return {
    groupIds: [...counts.keys()].filter((g) => g !== INSTITUTION),
    count: (group, rowKey, item) => counts.get(group)?.[base.get(rowKey)! + item] ?? 0,
    tally: (group, rowKey) => figures.get(group, rowKey),
  };
}
