// A seeded dataset for the reporting tests: a population, a label file, responses started or completed at given
// moments with answers and page times, written through the same repositories the application uses. Tests compute
// their expected figures from the seed they pass in, never from the code under test.
import { conditionHolds, visiblePages, type AnswerValue, type Answers, type Question, type Questionnaire } from '../../questionnaire/index.ts';
import { loadQuestionnaires } from '../../questionnaire/index.ts';
import { loadCleaningRules } from '../../questionnaire/cleaning/index.ts';
import type { LabelSet } from '../../server/db/labels.ts';
import type { PopulationRecord } from '../../server/services/population/records.ts';
import { createDefinitions, importModule } from '../../server/services/survey/definitions.ts';
import { startResponse } from '../../server/services/survey/responses.ts';
import { createReportingService } from '../../server/services/reporting/reporting-service.ts';
import type { TestApp } from './test-app.ts';

export interface Labels {
  bedrijfsgroep?: string | null;
  respons?: (string | null)[];
  analyse?: (string | null)[];
}

export const labelSet = (l: Labels): LabelSet => ({
  bedrijfsgroep: l.bedrijfsgroep ?? null,
  respons: [l.respons?.[0] ?? null, l.respons?.[1] ?? null, l.respons?.[2] ?? null],
  analyse: [l.analyse?.[0] ?? null, l.analyse?.[1] ?? null, l.analyse?.[2] ?? null],
});

/** Writes a ready label file for a school (rows by PGN). */
export function addLabelFile(t: TestApp, brin: string, rows: { pgn: string; labels: Labels }[], fileDate = '20240110'): number {
  return t.repos.transaction(() =>
    t.repos.labels.addFile(
      { brin, fileName: `${brin}_Jobmonitor_${fileDate}.xlsx`, fileDate, receivedAt: t.clock.now.toISOString() },
      rows.map((r) => ({ pgnKey: t.keyer.pgn(r.pgn), ...labelSet(r.labels) })),
    ),
  );
}

/** How a respondent answers: a value per question (and grid item), or undefined to skip it. */
export type AnswerRule = (q: Question, itemId?: string) => AnswerValue | undefined;

/** Answers every question routing shows, walking the pages in order (routing depends on earlier answers). */
export function answerAll(def: Questionnaire, context: { leerweg: string | null; niveau: number | null }, rule: AnswerRule): { answers: Answers; pages: string[] } {
  const answers: Answers = {};
  const pages: string[] = [];
  for (;;) {
    const next = visiblePages(def, answers, context).find((p) => !pages.includes(p.page.id));
    if (!next) return { answers, pages };
    pages.push(next.page.id);
    // Routing within a page looks at the answers given above it on the same page.
    for (const q of next.page.questions) {
      if (!conditionHolds(q.showIf, answers, context)) continue;
      if (q.type === 'grid') {
        const grid: Record<string, number | string> = {};
        for (const item of q.items) {
          const v = rule(q, item.id);
          if (v !== undefined) grid[item.id] = v as number | string;
        }
        if (Object.keys(grid).length) answers[q.id] = grid;
      } else {
        const v = rule(q);
        if (v !== undefined) answers[q.id] = v;
      }
    }
  }
}

/** A plain answer to anything: scale points 2-5 in turn over a grid's items (no straight line), the first option, grade 7, the minimum of a number; open skipped. */
export const plainAnswer: AnswerRule = (q, itemId) => {
  switch (q.type) {
    case 'grid':
      return 2 + (q.items.findIndex((i) => i.id === itemId) % 4);
    case 'single':
      return q.options[0]!.code;
    case 'multi':
      return [q.options[0]!.code];
    case 'grade':
      return 7;
    case 'number':
      return q.min;
    case 'open':
      return undefined;
  }
};

export interface SeedResponse {
  student: PopulationRecord;
  startedAt: string;
  /** Completed at this moment; absent: still in progress. */
  completedAt?: string;
  version?: string;
  rule?: AnswerRule;
  /** Active seconds per page shown (default 60). */
  secondsPerPage?: number;
}

/** Starts (and completes) responses through the repositories: tagged with the current labels, with answers and page times. */
export function addResponses(t: TestApp, responses: SeedResponse[]): number[] {
  const questionnaires = loadQuestionnaires();
  const definitions = createDefinitions(t.repos, questionnaires);
  return t.repos.transaction(() =>
    responses.map((r) => {
      const row = t.repos.population.findCurrentByPgnKey(r.student.brin, t.keyer.pgn(r.student.pgn));
      if (!row) throw new Error(`student ${r.student.pgn} is not in the population`);
      const id = startResponse(t.repos, definitions, r.version ?? '2024-2', row, r.startedAt);
      const def = definitions.withModule(r.version ?? '2024-2', t.repos.responses.get(id)!.moduleVersion);
      const { answers, pages } = answerAll(def, { leerweg: row.leerweg, niveau: row.niveau }, r.rule ?? plainAnswer);
      const writes = Object.entries(answers).map(([questionId, value], i) => ({ questionId, value, seq: i + 1, changedAt: r.startedAt }));
      t.repos.responses.saveAnswers(id, writes, r.startedAt);
      let at = Date.parse(r.startedAt);
      const events = pages.flatMap((page, i) => {
        const shown = new Date(at).toISOString();
        at += (r.secondsPerPage ?? 60) * 1000;
        return [
          { id: `t${id}:${2 * i + 1}`, type: 'page_shown' as const, target: page, clientAt: shown },
          { id: `t${id}:${2 * i + 2}`, type: 'page_left' as const, target: page, clientAt: new Date(at).toISOString() },
        ];
      });
      t.repos.timing.add(id, events, 0, r.startedAt);
      if (r.completedAt) t.repos.responses.complete(id, r.completedAt);
      return id;
    }),
  );
}

/** Imports an institution module (a JSON definition) the way import-questions does. */
export function addModule(t: TestApp, brin: string, module: unknown): void {
  importModule(t.repos, loadQuestionnaires(), { brin, text: JSON.stringify(module), fileName: null, now: t.clock.now });
}

/** The reporting service on the test database. */
export function reportingOf(t: TestApp) {
  const questionnaires = loadQuestionnaires();
  return createReportingService({
    repos: t.repos,
    definitions: createDefinitions(t.repos, questionnaires),
    questionnaires,
    cleaningRules: loadCleaningRules(),
    now: () => t.clock.now,
  });
}

export const noPause = () => Promise.resolve();
