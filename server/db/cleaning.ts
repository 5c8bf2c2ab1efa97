// Cleaning runs (migration 020): a run, its verdict per completed response, and the answer tallies it leaves for
// the national figures. Nothing is ever deleted; results read the latest finished run.
import type { Db } from './database.ts';

export interface CleaningRunRow {
  id: number;
  rulesVersion: number;
  status: 'running' | 'done';
  startedAt: string;
  finishedAt: string | null;
  judged: number | null;
  clean: number | null;
}

export interface VerdictWrite {
  responseId: number;
  reasons: number;
  inResults: boolean;
  verdict: string;
}

export type TallyScope = 'institution' | 'week';

/** Counts of a run's verdicts for one institution: judged, clean, and failures per rule bit. */
export interface VerdictCounts {
  brin: string;
  judged: number;
  clean: number;
  tooFewAnswered: number;
  tooFast: number;
  straightlining: number;
}

const RUN = `id, rules_version AS rulesVersion, status, started_at AS startedAt, finished_at AS finishedAt, judged, clean`;

export function cleaningRepo(db: Db) {
  const start = db.prepare<[number, string]>("INSERT INTO cleaning_runs (rules_version, status, started_at) VALUES (?, 'running', ?)");
  const finish = db.prepare<[string, number, number, number]>(
    "UPDATE cleaning_runs SET status = 'done', finished_at = ?, judged = ?, clean = ? WHERE id = ? AND status = 'running'",
  );
  const latestDone = db.prepare<[], CleaningRunRow>(`SELECT ${RUN} FROM cleaning_runs WHERE status = 'done' ORDER BY id DESC LIMIT 1`);
  const doneBefore = db.prepare<[number], CleaningRunRow>(`SELECT ${RUN} FROM cleaning_runs WHERE status = 'done' AND id < ? ORDER BY id DESC LIMIT 1`);
  const byId = db.prepare<[number], CleaningRunRow>(`SELECT ${RUN} FROM cleaning_runs WHERE id = ?`);
  const insertVerdict = db.prepare<[number, number, number, number, string]>(
    'INSERT INTO cleaning_verdicts (run_id, response_id, reasons, in_results, verdict) VALUES (?, ?, ?, ?, ?)',
  );
  const verdicts = db.prepare<[number], { responseId: number; verdict: string }>(
    'SELECT response_id AS responseId, verdict FROM cleaning_verdicts WHERE run_id = ? ORDER BY response_id',
  );
  const verdictOf = db.prepare<[number, number], { reasons: number; inResults: 0 | 1; verdict: string }>(
    'SELECT reasons, in_results AS inResults, verdict FROM cleaning_verdicts WHERE run_id = ? AND response_id = ?',
  );
  const insertTally = db.prepare<[number, TallyScope, string, string, string]>(
    'INSERT INTO cleaning_tallies (run_id, scope, key, row_key, tally) VALUES (?, ?, ?, ?, ?)',
  );
  const tallies = db.prepare<[number, TallyScope], { key: string; rowKey: string; tally: string }>(
    'SELECT key, row_key AS rowKey, tally FROM cleaning_tallies WHERE run_id = ? AND scope = ?',
  );
  const counts = db.prepare<[number], VerdictCounts>(
    `SELECT r.brin, count(*) AS judged, count(*) FILTER (WHERE v.reasons = 0) AS clean,
       count(*) FILTER (WHERE v.reasons & 1) AS tooFewAnswered, count(*) FILTER (WHERE v.reasons & 2) AS tooFast,
       count(*) FILTER (WHERE v.reasons & 4) AS straightlining
     FROM cleaning_verdicts v JOIN responses r ON r.id = v.response_id WHERE v.run_id = ? GROUP BY r.brin`,
  );
  const notJudgedOfBrin = db.prepare<[string, number], number>(
    `SELECT count(*) FROM responses r WHERE r.brin = ? AND r.status = 'completed'
     AND NOT EXISTS (SELECT 1 FROM cleaning_verdicts v WHERE v.run_id = ? AND v.response_id = r.id)`,
  ).pluck();
  const notJudged = db.prepare<[number], { brin: string; n: number }>(
    `SELECT r.brin, count(*) AS n FROM responses r WHERE r.status = 'completed'
     AND NOT EXISTS (SELECT 1 FROM cleaning_verdicts v WHERE v.run_id = ? AND v.response_id = r.id) GROUP BY r.brin`,
  );

  return {
    startRun: (rulesVersion: number, at: string): number => Number(start.run(rulesVersion, at).lastInsertRowid),
    /** Marks a running run done: from now on it is the one results read. */
    finishRun: (id: number, at: string, judged: number, clean: number): boolean => finish.run(at, judged, clean, id).changes === 1,
    latestDone: (): CleaningRunRow | undefined => latestDone.get(),
    /** The finished run before run `id`: what a re-run is compared with. */
    doneBefore: (id: number): CleaningRunRow | undefined => doneBefore.get(id),
    get: (id: number): CleaningRunRow | undefined => byId.get(id),
    /** Call inside a transaction. */
    addVerdicts(runId: number, rows: Iterable<VerdictWrite>): void {
      for (const v of rows) insertVerdict.run(runId, v.responseId, v.reasons, v.inResults ? 1 : 0, v.verdict);
    },
    /** Every verdict of a run as stored (JSON), by response id. */
    verdicts: (runId: number): IterableIterator<{ responseId: number; verdict: string }> => verdicts.iterate(runId),
    verdictOf: (runId: number, responseId: number) => verdictOf.get(runId, responseId),
    /** Call inside a transaction. */
    addTallies(runId: number, scope: TallyScope, rows: Iterable<{ key: string; rowKey: string; tally: string }>): void {
      for (const t of rows) insertTally.run(runId, scope, t.key, t.rowKey, t.tally);
    },
    tallies: (runId: number, scope: TallyScope) => tallies.all(runId, scope),
    /** Verdict counts per institution. */
    counts: (runId: number): VerdictCounts[] => counts.all(runId),
    /** Completed responses per institution that the run did not judge (completed after it started). */
    notJudged: (runId: number): { brin: string; n: number }[] => notJudged.all(runId),
    notJudgedOfBrin: (runId: number, brin: string): number => notJudgedOfBrin.get(brin, runId) ?? 0,
  };
}
export type CleaningRepo = ReturnType<typeof cleaningRepo>;
