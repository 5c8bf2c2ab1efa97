// Results under the privacy rule: per result row (a question, or a grid item) and group the figures of the clean
// responses of the latest cleaning run, the institution beside the national figure, and one suppression pattern per
// row that every output (CLI, API, CSV) prints from. The national figures come from the tallies the run stored;
// an institution's own figures are added up from its responses, its own questions only in its own results.
import type { Repos } from '../../db/index.ts';
import type { Breakdown, CellFigures, InstitutionResults, NationalResults, ResultCell, ResultGroup, ResultRow } from '../../api/staff-reports.ts';
import type { Answers, Questionnaire } from '../../../questionnaire/index.ts';
import type { Definitions } from '../survey/definitions.ts';
import { AppError } from '../common/errors.ts';
import { runInfo } from '../cleaning/cleaning-run.ts';
import { addTallies, emptyTally, questionStats, type QuestionStats, type QuestionTally } from './cell-stats.ts';
import { questionVariants, type QuestionVariant, type Variants } from './variants.ts';
import { GroupStructure } from './result-groups.ts';
import { tallyInstitution } from './institution-tallies.ts';
import { INSTITUTION, NATIONAL, institutionPattern, nationalPattern, weekCell } from './results-privacy.ts';
import type { SuppressionPattern } from './suppression.ts';
import { rowMeta, type RowMeta } from './result-rows.ts';
import { unknownInstitution } from './response-overview.ts';
import { fieldworkWeek } from './overview-tree.ts';

export const noCleaningRun = () =>
  new AppError('not_found', {
    nl: 'Er zijn nog geen resultaten: de responsen zijn nog niet opgeschoond (job-monitor clean).',
    en: 'There are no results yet: the responses have not been cleaned (job-monitor clean).',
  });


interface NationalData {
  runId: number;
  /** row key -> week -> tally */
  weeks: Map<string, Map<string, QuestionTally>>;
  /** row key -> the institutions' tallies, to check an institution against what the run counted */
  institutions: Map<string, Map<string, QuestionTally>>;
  patterns: Map<string, SuppressionPattern>;
  totals: Map<string, QuestionStats>;
}

export function createResults({ repos, definitions, questionnaires }: { repos: Repos; definitions: Definitions; questionnaires: Map<string, Questionnaire> }) {
  const coreVariants = questionVariants([...questionnaires.values()]);
  let cache: NationalData | null = null;

  function latestRun() {
    const run = repos.cleaning.latestDone();
    if (!run) throw noCleaningRun();
    return run;
  }

  function nationalData(runId: number): NationalData {
    if (cache?.runId === runId) return cache;
    const load = (scope: 'institution' | 'week') => {
      const out = new Map<string, Map<string, QuestionTally>>();
      for (const t of repos.cleaning.tallies(runId, scope)) {
        let m = out.get(t.rowKey);
        if (!m) out.set(t.rowKey, (m = new Map()));
        m.set(t.key, JSON.parse(t.tally) as QuestionTally);
      }
      return out;
    };
    cache = { runId, weeks: load('week'), institutions: load('institution'), patterns: new Map(), totals: new Map() };
    return cache;
  }

  /** The national pattern of a row and the national figures, from the run's week tallies. */
  function nationalRow(data: NationalData, v: QuestionVariant, item: number) {
    const weekTallies = data.weeks.get(v.key) ?? new Map<string, QuestionTally>();
    const weeks = new Map([...weekTallies].map(([w, t]) => [w, t.rows[item]?.respondents ?? 0] as const).filter(([, n]) => n > 0));
    const key = `${v.key}#${item}`;
    let pattern = data.patterns.get(key);
    if (!pattern) data.patterns.set(key, (pattern = nationalPattern(weeks)));
    let total = data.totals.get(v.key);
    if (!total) data.totals.set(v.key, (total = questionStats(v.question, addTallies(v.question, weekTallies.values()))));
    return { weeks, weekTallies, pattern, total };
  }

  function institution(brin: string, by: Breakdown | null = null): InstitutionResults {
    const inst = repos.institutions.get(brin);
    if (!inst) throw unknownInstitution(brin);
    const run = latestRun();
    const national = nationalData(run.id);
    const modules = repos.questionModules.all().filter((m) => m.brin === brin);
    const moduleVariants = questionVariants(modules.map((m) => JSON.parse(m.definition) as Questionnaire));

    const responses = repos.reportData.inResults(run.id, brin).map((r) => ({
      version: r.questionnaireVersion,
      moduleVersion: r.moduleVersion,
      definition: definitions.withModule(r.questionnaireVersion, r.moduleVersion),
      answers: r.answers as Answers,
      context: { leerweg: r.leerweg, niveau: r.niveau },
      membership: { labels: [r.analyse1, r.analyse2, r.analyse3], crebo: r.crebo, leerweg: r.leerweg, niveau: r.niveau, week: fieldworkWeek(r.completedAt) },
    }));
    const tallies = tallyInstitution(responses, coreVariants, moduleVariants, by);
    const structure = new GroupStructure(tallies.groupIds);
    const shownGroups: ResultGroup[] = by ? structure.groupsFor(by) : [];
    if (by === 'leerjaar') for (const g of shownGroups) if (g.label) g.text = leerjaarText(g.label);

    const rows: ResultRow[] = [];
    const build = (variants: Variants, own: boolean) => {
      for (const v of variants.list) {
        if (v.question.type === 'open') continue;
        const statsOf = memoStats(v, (g) => tallies.tally(g, v.key));
        if (!tallies.tally(INSTITUTION, v.key) && own) continue; // a module question nobody in results was shown
        rowMeta(v, own).forEach((meta, item) => {
          const count = (g: string) => tallies.count(g, v.key, item);
          const weeks = new Map(structure.weekIds().map(({ id, week }) => [week, count(id)] as const).filter(([, n]) => n > 0));
          const nat = own ? null : nationalRow(national, v, item);
          if (nat) checkAgainstRun(national, v, item, brin, count(INSTITUTION));
          const pattern = institutionPattern({
            count: count(INSTITUTION),
            breakdowns: structure.breakdowns(count),
            weeks,
            ...(nat ? { national: { weeks: nat.weeks, pattern: nat.pattern } } : {}),
          });
          rows.push({
            ...meta,
            institution: cell(pattern.isShown(INSTITUTION), statsOf(INSTITUTION), item),
            national: nat ? cell(nat.pattern.isShown(NATIONAL), nat.total, item) : null,
            groups: shownGroups.map((g) => {
              const id = g.id.startsWith('week:') ? weekCell('I', g.label!) : g.id;
              return cell(count(g.id) === 0 || pattern.isShown(id), statsOf(g.id), item);
            }),
          });
        });
      }
    };
    build(coreVariants, false);
    build(moduleVariants, true);
    return { brin, name: inst.name, by, run: runInfo(run), notJudged: repos.cleaning.notJudgedOfBrin(run.id, brin), groups: shownGroups, rows };
  }

  function nationalResults(by: 'week' | null = null): NationalResults {
    const run = latestRun();
    const data = nationalData(run.id);
    const allWeeks = [...new Set([...data.weeks.values()].flatMap((m) => [...m.keys()]))].sort();
    const groups: ResultGroup[] = by === 'week' ? allWeeks.map((w) => ({ id: weekCell('N', w), label: w })) : [];
    const rows: ResultRow[] = [];
    for (const v of coreVariants.list) {
      if (v.question.type === 'open' || !data.weeks.has(v.key)) continue;
      rowMeta(v, false).forEach((meta, item) => {
        const nat = nationalRow(data, v, item);
        rows.push({
          ...meta,
          institution: null,
          national: cell(nat.pattern.isShown(NATIONAL), nat.total, item),
          groups: groups.map((g) => {
            const t = nat.weekTallies.get(g.label!);
            const shown = !t || !t.rows[item]?.respondents || nat.pattern.isShown(g.id);
            return cell(shown, questionStats(v.question, t ?? emptyTally(v.question)), item);
          }),
        });
      });
    }
    return { by, run: runInfo(run), notJudged: notJudged(run.id), groups, rows };
  }

  function notJudged(runId: number): number {
    return repos.cleaning.notJudged(runId).reduce((s, w) => s + w.n, 0);
  }

  /** The institution's count for a row must be what the run counted for it, or the national figures would not hold. */
  function checkAgainstRun(data: NationalData, v: QuestionVariant, item: number, brin: string, count: number): void {
    const stored = data.institutions.get(v.key)?.get(brin)?.rows[item]?.respondents ?? 0;
    if (stored !== count) throw new Error(`Results of ${brin} for ${v.key} hold ${count} respondents, the cleaning run ${stored}: run the cleaning again`);
  }

  function leerjaarText(code: string) {
    const q = coreVariants.list.find((v) => v.questionId === 'leerjaar')?.question;
    return q?.type === 'single' ? q.options.find((o) => o.code === code)?.text : undefined;
  }

  return { institution, national: nationalResults };
}
export type ResultsService = ReturnType<typeof createResults>;

/** Figures of one group for a question, computed once and shared by its rows (grid items). */
function memoStats(v: QuestionVariant, tallyOf: (group: string) => QuestionTally | undefined) {
  const memo = new Map<string, QuestionStats>();
  return (group: string): QuestionStats => {
    let s = memo.get(group);
    if (!s) memo.set(group, (s = questionStats(v.question, tallyOf(group) ?? emptyTally(v.question))));
    return s;
  };
}

/** A cell as outputs print it: nothing at all when suppressed. */
function cell(shown: boolean, stats: QuestionStats, item: number): ResultCell {
  if (!shown) return { suppressed: true };
  const r = stats.rows[item]!;
  const figures: CellFigures = { n: r.n, optOuts: r.optOuts, distribution: r.distribution, bands: r.bands, mean: r.mean, median: r.median };
  return { suppressed: false, ...figures };
}

export type { RowMeta };
