// Completed responses as reporting reads them: background, labels and answers, in chunks by id (a cleaning run,
// the national export) or per institution (results), with a cleaning run's verdicts where one applies.
import type { Db } from './database.ts';

export interface ReportResponse {
  id: number;
  brin: string;
  questionnaireVersion: string;
  moduleVersion: string | null;
  completedAt: string;
  crebo: string | null;
  leerweg: 'BOL' | 'BBL' | null;
  niveau: number | null;
  geslacht: 'M' | 'V' | 'X' | null;
  bedrijfsgroep: string | null;
  analyse1: string | null;
  analyse2: string | null;
  analyse3: string | null;
}

export interface JudgedResponse extends ReportResponse {
  /** Bits of the failed rules (0: clean) and whether the run counted it in results. */
  reasons: number;
  inResults: 0 | 1;
  verdict: string;
}

const COLUMNS = `r.id, r.brin, r.questionnaire_version AS questionnaireVersion, r.module_version AS moduleVersion, r.completed_at AS completedAt,
  r.crebo, r.leerweg, r.niveau, r.geslacht, r.bedrijfsgroep, r.analyse_1 AS analyse1, r.analyse_2 AS analyse2, r.analyse_3 AS analyse3`;
const JUDGED = `${COLUMNS}, v.reasons, v.in_results AS inResults, v.verdict`;
// A response's answers as the text of one JSON object, so reading them is one parse per response instead of one per
// answer. Concatenated rather than built by json_group_object, which parses every value again (twice as slow):
// question ids are lower-case letters, digits and _ (the questionnaire schema), and each value is stored as JSON.
const ANSWERS_OBJECT = `'{' || group_concat('"' || question_id || '":' || coalesce(value, 'null'), ',') || '}'`;

export function reportDataRepo(db: Db) {
  const completedChunk = db.prepare<[number, number], ReportResponse>(
    `SELECT ${COLUMNS} FROM responses r WHERE r.status = 'completed' AND r.id > ? ORDER BY r.id LIMIT ?`,
  );
  const answers = db.prepare<[number], string>(`SELECT ${ANSWERS_OBJECT} FROM answers WHERE response_id = ?`).pluck();
  const answersInRange = db.prepare<[number, number], { id: number; answers: string }>(
    `SELECT response_id AS id, ${ANSWERS_OBJECT} AS answers FROM answers WHERE response_id BETWEEN ? AND ? GROUP BY response_id`,
  );
  // CROSS JOIN keeps this order: the institution's completed responses by its index, then each one's verdict by key
  // (the planner would otherwise read every verdict of the run), and its answers as one JSON object.
  const inResultsOfBrin = db.prepare<[number, string], ReportResponse & { answers: string | null }>(
    `SELECT ${COLUMNS}, (SELECT ${ANSWERS_OBJECT} FROM answers WHERE response_id = r.id) AS answers
     FROM responses r CROSS JOIN cleaning_verdicts v ON v.run_id = ? AND v.response_id = r.id
     WHERE r.brin = ? AND r.status = 'completed' AND v.in_results = 1 ORDER BY r.id`,
  );
  const judgedOfBrin = db.prepare<[number, string], JudgedResponse>(
    `SELECT ${JUDGED} FROM responses r CROSS JOIN cleaning_verdicts v ON v.run_id = ? AND v.response_id = r.id
     WHERE r.brin = ? AND r.status = 'completed' ORDER BY r.id`,
  );
  const judgedChunk = db.prepare<[number, number, number], JudgedResponse>(
    `SELECT ${JUDGED} FROM cleaning_verdicts v JOIN responses r ON r.id = v.response_id
     WHERE v.run_id = ? AND v.response_id > ? ORDER BY v.response_id LIMIT ?`,
  );

  return {
    /** The next `limit` completed responses after id `after`. */
    completedChunk: (after: number, limit: number): ReportResponse[] => completedChunk.all(after, limit),
    /** Stored answers of one response by question id (JSON decoded; null for a cleared answer). */
    answers: (responseId: number): Record<string, unknown> => JSON.parse(answers.get(responseId) ?? '{}') as Record<string, unknown>,
    /** The answers of every response with an id in [from, to] that has any. */
    answersInRange(from: number, to: number): Map<number, Record<string, unknown>> {
      const out = new Map<number, Record<string, unknown>>();
      for (const r of answersInRange.iterate(from, to)) out.set(r.id, JSON.parse(r.answers) as Record<string, unknown>);
      return out;
    },
    /** The institution's responses that the run counts in results, by id, each with its answers. */
    inResults: (runId: number, brin: string): (ReportResponse & { answers: Record<string, unknown> })[] =>
      inResultsOfBrin.all(runId, brin).map((r) => ({ ...r, answers: JSON.parse(r.answers ?? '{}') as Record<string, unknown> })),
    /** The institution's responses the run judged, with their verdicts, by id. */
    judgedOfBrin: (runId: number, brin: string): JudgedResponse[] => judgedOfBrin.all(runId, brin),
    /** The next `limit` responses the run judged after id `after`, with their verdicts. */
    judgedChunk: (runId: number, after: number, limit: number): JudgedResponse[] => judgedChunk.all(runId, after, limit),
  };
}
export type ReportDataRepo = ReturnType<typeof reportDataRepo>;
