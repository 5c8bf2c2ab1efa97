// A cleaning run: every completed response judged with one version of the rules, its verdict stored with that
// version, the answer tallies of the clean ones kept for the national figures, and what moved since the run before.
// Reads in chunks and writes each chunk's verdicts in a short transaction, pausing between, so students answering
// meanwhile are not held up. The new verdicts count only once the whole run is done.
import type { Repos } from '../../db/index.ts';
import type { ReportResponse } from '../../db/report-data.ts';
import type { CleaningCounts, CleaningRunInfo } from '../../api/staff-reports.ts';
import type { CleaningRules } from '../../../questionnaire/cleaning/index.ts';
import { MODULE_PREFIX } from '../../../questionnaire/module.ts';
import { classifyAnswers, type Answers, type Questionnaire } from '../../../questionnaire/index.ts';
import type { Definitions } from '../survey/definitions.ts';
import { deriveTiming } from '../survey/timing.ts';
import { badRequest } from '../common/errors.ts';
import { evaluateResponse } from './evaluate.ts';
import { pageMedians, type PageMedians } from './page-medians.ts';
import { compareVerdicts, type ReasonMove } from './compare.ts';
import type { ReasonCode, Verdict } from './verdict.ts';
import { questionVariants } from '../reporting/variants.ts';
import { shownFromCells, TallySet } from '../reporting/tallies.ts';
import { fieldworkWeek } from '../reporting/overview-tree.ts';

/** Responses read, judged and written per step. */
const CHUNK = 1000;

/** The bit of each rule in cleaning_verdicts.reasons. */
export const REASON_BITS: Record<ReasonCode, number> = { too_few_answered: 1, too_fast: 2, straightlining: 4 };
export const reasonBits = (v: Verdict) => v.failures.reduce((bits, f) => bits | REASON_BITS[f.code], 0);

export interface VerdictMovesSummary {
  previousRun: CleaningRunInfo;
  previousRulesVersion: number;
  compared: number;
  clean: { before: number; after: number };
  becameExcluded: number;
  becameClean: number;
  reasonsChanged: number;
  /** Judged in the previous run only, or in this one only (completed in between). */
  onlyBefore: number;
  onlyAfter: number;
  byReason: Record<ReasonCode, ReasonMove>;
}

export interface CleaningRunResult {
  run: CleaningRunInfo;
  counts: CleaningCounts;
  moves: VerdictMovesSummary | null;
}

export interface CleaningRunDeps {
  repos: Repos;
  definitions: Definitions;
  /** The core questionnaire versions, in publishing order. */
  questionnaires: Map<string, Questionnaire>;
  rules: Map<number, CleaningRules>;
  now: () => Date;
}

export const runInfo = (r: { id: number; rulesVersion: number; startedAt: string; finishedAt: string | null }): CleaningRunInfo => ({
  id: r.id,
  rulesVersion: r.rulesVersion,
  startedAt: r.startedAt,
  finishedAt: r.finishedAt,
});

const isModulePage = (pageId: string) => pageId.startsWith(MODULE_PREFIX);

/** Runs the cleaning, awaiting `pause` between chunks (to let other writers in). */
export async function runCleaning(deps: CleaningRunDeps, rulesVersion: number, pause: () => Promise<void>): Promise<CleaningRunResult> {
  const steps = cleaningSteps(deps, rulesVersion);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause();
  }
}

/** Runs the cleaning at once, without pauses: a small database (the demo) that nobody else writes to. */
export function runCleaningNow(deps: CleaningRunDeps, rulesVersion: number): CleaningRunResult {
  const steps = cleaningSteps(deps, rulesVersion);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The run as steps: each yields after a chunk (read, judged, and its verdicts committed). */
export function* cleaningSteps(deps: CleaningRunDeps, rulesVersion: number): Generator<void, CleaningRunResult> {
  const { repos, definitions, now } = deps;
  const rules = deps.rules.get(rulesVersion);
  if (!rules) {
    const known = [...deps.rules.keys()].join(', ');
    throw badRequest([{ path: 'rulesVersion', message: `no cleaning rules version ${rulesVersion} (known: ${known})` }], {
      nl: `Er zijn geen opschoningsregels met versie ${rulesVersion} (wel: ${known}).`,
      en: `There are no cleaning rules version ${rulesVersion} (known: ${known}).`,
    });
  }
  const runId = repos.transaction(() => repos.cleaning.startRun(rulesVersion, now().toISOString()));

  // Pass 1: the timing of every completed response, for the median page times of each version (and each module).
  const timing = new Map<number, { activeSeconds: number; pageSeconds: Record<string, number> }>();
  const corePages = new Map<string, Record<string, number>[]>();
  const modulePages = new Map<string, Record<string, number>[]>();
  const push = <K>(m: Map<K, Record<string, number>[]>, k: K, v: Record<string, number>) => {
    const list = m.get(k);
    if (list) list.push(v);
    else m.set(k, [v]);
  };
  for (const chunk of chunks(repos)) {
    const events = repos.timing.eventsInRange(chunk[0]!.id, chunk[chunk.length - 1]!.id);
    for (const r of chunk) {
      const t = deriveTiming(events.get(r.id) ?? []);
      timing.set(r.id, { activeSeconds: t.activeSeconds, pageSeconds: t.pageSeconds });
      const core: Record<string, number> = {};
      const mod: Record<string, number> = {};
      for (const [page, s] of Object.entries(t.pageSeconds)) (isModulePage(page) ? mod : core)[page] = s;
      push(corePages, r.questionnaireVersion, core);
      if (r.moduleVersion) push(modulePages, r.moduleVersion, mod);
    }
    yield;
  }
  const coreMedians = new Map([...corePages].map(([v, list]) => [v, pageMedians(list)]));
  const moduleMedians = new Map([...modulePages].map(([m, list]) => [m, pageMedians(list)]));
  const mediansFor = (r: ReportResponse): PageMedians | null => {
    const core = coreMedians.get(r.questionnaireVersion);
    if (!core) return null;
    const mod = r.moduleVersion ? moduleMedians.get(r.moduleVersion) : undefined;
    return mod ? { responses: core.responses, pages: { ...core.pages, ...mod.pages } } : core;
  };

  // Pass 2: verdicts, and tallies of the responses results count (core questions only: modules are no national figure).
  const variants = questionVariants([...deps.questionnaires.values()]);
  const tallies = new TallySet();
  let judged = 0;
  let clean = 0;
  for (const chunk of chunks(repos)) {
    const chunkAnswers = repos.reportData.answersInRange(chunk[0]!.id, chunk[chunk.length - 1]!.id);
    const writes = chunk.map((r) => {
      const definition = definitions.withModule(r.questionnaireVersion, r.moduleVersion);
      const answers = (chunkAnswers.get(r.id) ?? {}) as Answers;
      const context = { leerweg: r.leerweg, niveau: r.niveau };
      const cells = classifyAnswers(definition, answers, context);
      const verdict = evaluateResponse({ definition, answers, context, timing: timing.get(r.id)! }, rules, mediansFor(r), cells);
      const inResults = verdict.clean && r.bedrijfsgroep === null;
      if (inResults) {
        const shown = shownFromCells(definition, answers, cells);
        tallies.addResponse([`institution:${r.brin}`, `week:${fieldworkWeek(r.completedAt)}`], variants, r.questionnaireVersion, shown);
      }
      judged++;
      if (verdict.clean) clean++;
      return { responseId: r.id, reasons: reasonBits(verdict), inResults, verdict: JSON.stringify(verdict) };
    });
    repos.transaction(() => repos.cleaning.addVerdicts(runId, writes));
    yield;
  }

  const split = (scope: 'institution' | 'week') =>
    [...tallies.entries()]
      .filter((t) => t.group.startsWith(`${scope}:`))
      .map((t) => ({ key: t.group.slice(scope.length + 1), rowKey: t.rowKey, tally: JSON.stringify(t.tally) }));
  repos.transaction(() => {
    repos.cleaning.addTallies(runId, 'institution', split('institution'));
    repos.cleaning.addTallies(runId, 'week', split('week'));
    repos.cleaning.finishRun(runId, now().toISOString(), judged, clean);
  });

  const run = repos.cleaning.get(runId)!;
  return { run: runInfo(run), counts: totalCounts(repos.cleaning.counts(runId)), moves: movesSince(repos, runId) };
}

/** The completed responses in chunks of CHUNK, by id. Each chunk is read whole before the caller writes. */
function* chunks(repos: Repos): Generator<ReportResponse[]> {
  for (let after = 0; ; ) {
    const chunk = repos.reportData.completedChunk(after, CHUNK);
    if (!chunk.length) return;
    yield chunk;
    after = chunk[chunk.length - 1]!.id;
  }
}

export function totalCounts(rows: { judged: number; clean: number; tooFewAnswered: number; tooFast: number; straightlining: number }[]): CleaningCounts {
  const c: CleaningCounts = { judged: 0, clean: 0, excluded: 0, byReason: { too_few_answered: 0, too_fast: 0, straightlining: 0 } };
  for (const r of rows) {
    c.judged += r.judged;
    c.clean += r.clean;
    c.byReason.too_few_answered += r.tooFewAnswered;
    c.byReason.too_fast += r.tooFast;
    c.byReason.straightlining += r.straightlining;
  }
  c.excluded = c.judged - c.clean;
  return c;
}

/** What moved between the finished run before `runId` and `runId`; null for a first run. */
export function movesSince(repos: Repos, runId: number): VerdictMovesSummary | null {
  const previous = repos.cleaning.doneBefore(runId);
  if (!previous) return null;
  const load = (id: number) => new Map([...repos.cleaning.verdicts(id)].map((v) => [v.responseId, JSON.parse(v.verdict) as Verdict]));
  const m = compareVerdicts(load(previous.id), load(runId));
  return {
    previousRun: runInfo(previous),
    previousRulesVersion: previous.rulesVersion,
    compared: m.compared,
    clean: m.clean,
    becameExcluded: m.becameExcluded.length,
    becameClean: m.becameClean.length,
    reasonsChanged: m.reasonsChanged.length,
    onlyBefore: m.onlyBefore.length,
    onlyAfter: m.onlyAfter.length,
    byReason: m.byReason,
  };
}
