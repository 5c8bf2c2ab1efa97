// Responses and their answers. An answer only replaces a stored one with a higher sequence number,
// so a retried or out-of-order save never overwrites newer work.
import type { Db } from './database.ts';
import type { LabelSet } from './labels.ts';

export interface ResponseRow {
  id: number;
  brin: string;
  questionnaireVersion: string;
  status: 'in_progress' | 'completed';
  startedAt: string;
  completedAt: string | null;
  currentPage: string | null;
  leerweg: 'BOL' | 'BBL' | null;
  niveau: number | null;
  labelFileId: number | null;
  /** The institution module version the response started with, if any. */
  moduleVersion: string | null;
}

export interface NewResponse {
  brin: string;
  pgnKey: Buffer;
  questionnaireVersion: string;
  crebo: string;
  leerweg: string;
  niveau: number;
  geslacht: string | null;
  labelFileId: number | null;
  labels: LabelSet | null;
  now: string;
}

export interface StoredAnswer {
  questionId: string;
  value: unknown;
  seq: number;
}

export interface AnswerWrite {
  questionId: string;
  value: unknown;
  seq: number;
  changedAt: string | null;
}

/** The ResponseRow columns of table `responses` as `alias` (the sessions repo joins them). */
export const responseColumns = (alias: string) =>
  `${alias}.id, ${alias}.brin, ${alias}.questionnaire_version AS questionnaireVersion, ${alias}.status, ${alias}.started_at AS startedAt,
  ${alias}.completed_at AS completedAt, ${alias}.current_page AS currentPage, ${alias}.leerweg, ${alias}.niveau,
  ${alias}.label_file_id AS labelFileId, ${alias}.module_version AS moduleVersion`;
const columns = responseColumns('responses');

export function responsesRepo(db: Db) {
  const byStudent = db.prepare<[string, Buffer], ResponseRow>(`SELECT ${columns} FROM responses WHERE brin = ? AND pgn_key = ?`);
  const byId = db.prepare<[number], ResponseRow>(`SELECT ${columns} FROM responses WHERE id = ?`);
  const insert = db.prepare(
    `INSERT INTO responses (brin, pgn_key, questionnaire_version, started_at, updated_at, crebo, leerweg, niveau, geslacht,
       label_file_id, bedrijfsgroep, respons_1, respons_2, respons_3, analyse_1, analyse_2, analyse_3)
     VALUES (@brin, @pgnKey, @questionnaireVersion, @now, @now, @crebo, @leerweg, @niveau, @geslacht,
       @labelFileId, @b, @r1, @r2, @r3, @a1, @a2, @a3)`,
  );
  // Positional parameters: every answer of every save runs this, and binding by name costs more.
  const upsertAnswer = db.prepare<[number, string, string | null, number, string | null, string]>(
    `INSERT INTO answers (response_id, question_id, value, seq, client_changed_at, received_at)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (response_id, question_id) DO UPDATE SET
       value = excluded.value, seq = excluded.seq, client_changed_at = excluded.client_changed_at, received_at = excluded.received_at
     WHERE excluded.seq > answers.seq`,
  );
  const answers = db.prepare<[number], { questionId: string; value: string | null; seq: number }>(
    'SELECT question_id AS questionId, value, seq FROM answers WHERE response_id = ?',
  );
  const setPage = db.prepare<[string, string, number]>(
    "UPDATE responses SET current_page = ?, updated_at = ? WHERE id = ? AND status = 'in_progress'",
  );
  const complete = db.prepare<[string, string, number]>(
    "UPDATE responses SET status = 'completed', completed_at = ?, updated_at = ? WHERE id = ? AND status = 'in_progress'",
  );
  const touchInProgress = db.prepare<[string, number]>("UPDATE responses SET updated_at = ? WHERE id = ? AND status = 'in_progress'");

  // Not a transaction of its own: the survey service runs it inside its group commit (a nested
  // db.transaction would add a savepoint per save).
  const saveAnswers = (responseId: number, writes: AnswerWrite[], now: string): number | null => {
    if (touchInProgress.run(now, responseId).changes === 0) return null;
    let applied = 0;
    for (const w of writes) {
      applied += upsertAnswer.run(responseId, w.questionId, w.value === null ? null : JSON.stringify(w.value), w.seq, w.changedAt, now).changes;
    }
    return applied;
  };

  return {
    findByStudent: (brin: string, pgnKey: Buffer): ResponseRow | undefined => byStudent.get(brin, pgnKey),
    get: (id: number): ResponseRow | undefined => byId.get(id),
    create(r: NewResponse): number {
      const l = r.labels;
      return Number(
        insert.run({
          brin: r.brin,
          pgnKey: r.pgnKey,
          questionnaireVersion: r.questionnaireVersion,
          now: r.now,
          crebo: r.crebo,
          leerweg: r.leerweg,
          niveau: r.niveau,
          geslacht: r.geslacht,
          labelFileId: r.labelFileId,
          b: l?.bedrijfsgroep ?? null,
          r1: l?.respons[0] ?? null, r2: l?.respons[1] ?? null, r3: l?.respons[2] ?? null,
          a1: l?.analyse[0] ?? null, a2: l?.analyse[1] ?? null, a3: l?.analyse[2] ?? null,
        }).lastInsertRowid,
      );
    },
    answers: (responseId: number): StoredAnswer[] =>
      answers.all(responseId).map((a) => ({ questionId: a.questionId, seq: a.seq, value: a.value === null ? null : JSON.parse(a.value) })),
    /**
     * Applies the writes that are newer than what is stored; returns how many were applied, or null (nothing
     * written) when the response is no longer in progress. Run it inside a transaction when the writes belong together.
     */
    saveAnswers: (responseId: number, writes: AnswerWrite[], now: string): number | null => saveAnswers(responseId, writes, now),
    setPage: (responseId: number, pageId: string, now: string): boolean => setPage.run(pageId, now, responseId).changes === 1,
    complete: (responseId: number, now: string): boolean => complete.run(now, now, responseId).changes === 1,
  };
}
export type ResponsesRepo = ReturnType<typeof responsesRepo>;
