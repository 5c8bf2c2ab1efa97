// Counts for the response overview: the current population per institution and per response-label path, the
// responses per the same, completions per hour, and label-file rows that match no student. Counts only: no row
// here carries a pseudonym out of the database.
import type { Db } from './database.ts';
import type { LoginOutcomeKind } from './login-outcomes.ts';

const CURRENT_SET = `(SELECT id FROM population_sets WHERE status = 'ready' ORDER BY peildatum DESC, id DESC LIMIT 1)`;
const CURRENT_FILE = `(SELECT id FROM label_files f WHERE f.brin = lf.brin AND f.status = 'ready'
  ORDER BY coalesce(f.file_date, '') DESC, f.received_at DESC, f.id DESC LIMIT 1)`;

/** Population of one label path of an institution; `inFile` 0 is "zonder label" (not in the current file). */
export interface PopulationPathCount {
  inFile: 0 | 1;
  bedrijfsgroep: string | null;
  r1: string | null;
  r2: string | null;
  r3: string | null;
  population: number;
}

/** Responses of one label path as tagged on the responses; `tagged` 0 means the response carries no label at all. */
export interface ResponsePathCount {
  tagged: 0 | 1;
  bedrijfsgroep: string | null;
  r1: string | null;
  r2: string | null;
  r3: string | null;
  started: number;
  completed: number;
}

/** Completions in one hour (UTC, 'YYYY-MM-DDTHH'), per institution or per response label 1. */
export interface HourCount {
  key: string;
  bedrijfsgroep: 0 | 1;
  hour: string;
  completed: number;
}

export function responseOverviewRepo(db: Db) {
  const currentSet = db.prepare<[], { id: number; peildatum: string }>(
    `SELECT id, peildatum FROM population_sets WHERE id = ${CURRENT_SET}`,
  );
  const populationByBrin = db.prepare<[number], { brin: string; population: number }>(
    'SELECT brin, count(*) AS population FROM population WHERE set_id = ? GROUP BY brin',
  );
  const currentFiles = db.prepare<[], { brin: string; id: number; fileName: string; fileDate: string | null }>(
    `SELECT lf.brin, lf.id, lf.file_name AS fileName, lf.file_date AS fileDate FROM label_files lf WHERE lf.id = ${CURRENT_FILE}`,
  );
  const bedrijfsgroepPopulation = db.prepare<[number, string, number], number>(
    `SELECT count(*) FROM labels l JOIN population p ON p.set_id = ? AND p.brin = ? AND p.pgn_key = l.pgn_key
     WHERE l.label_file_id = ? AND l.bedrijfsgroep IS NOT NULL`,
  ).pluck();
  const responsesByBrin = db.prepare<[], { brin: string; bedrijfsgroep: 0 | 1; started: number; completed: number }>(
    `SELECT brin, bedrijfsgroep IS NOT NULL AS bedrijfsgroep, count(*) AS started, count(*) FILTER (WHERE status = 'completed') AS completed
     FROM responses GROUP BY brin, bedrijfsgroep IS NOT NULL`,
  );
  const hoursByBrin = db.prepare<[], HourCount>(
    `SELECT brin AS key, bedrijfsgroep IS NOT NULL AS bedrijfsgroep, substr(completed_at, 1, 13) AS hour, count(*) AS completed
     FROM responses WHERE status = 'completed' GROUP BY brin, bedrijfsgroep IS NOT NULL, hour`,
  );
  const populationPaths = db.prepare<{ setId: number; brin: string; fileId: number | null }, PopulationPathCount>(
    `SELECT l.pgn_key IS NOT NULL AS inFile, l.bedrijfsgroep, l.respons_1 AS r1, l.respons_2 AS r2, l.respons_3 AS r3, count(*) AS population
     FROM population p LEFT JOIN labels l ON l.label_file_id = @fileId AND l.pgn_key = p.pgn_key
     WHERE p.set_id = @setId AND p.brin = @brin
     GROUP BY 1, 2, 3, 4, 5`,
  );
  const responsePaths = db.prepare<[string], ResponsePathCount>(
    `SELECT (coalesce(bedrijfsgroep, respons_1, respons_2, respons_3, analyse_1, analyse_2, analyse_3) IS NOT NULL) AS tagged,
       bedrijfsgroep, respons_1 AS r1, respons_2 AS r2, respons_3 AS r3,
       count(*) AS started, count(*) FILTER (WHERE status = 'completed') AS completed
     FROM responses WHERE brin = ? GROUP BY 1, 2, 3, 4, 5`,
  );
  const hoursByLabel1 = db.prepare<[string], HourCount>(
    `SELECT coalesce(respons_1, '') AS key, bedrijfsgroep IS NOT NULL AS bedrijfsgroep, substr(completed_at, 1, 13) AS hour, count(*) AS completed
     FROM responses WHERE brin = ? AND status = 'completed' GROUP BY 1, 2, 3`,
  );
  const unmatchedRows = db.prepare<{ fileId: number; setId: number; brin: string }, number>(
    `SELECT count(*) FROM labels l WHERE l.label_file_id = @fileId
     AND NOT EXISTS (SELECT 1 FROM population p WHERE p.set_id = @setId AND p.brin = @brin AND p.pgn_key = l.pgn_key)`,
  ).pluck();
  const loginOutcomesNational = db.prepare<[], { day: string; outcome: LoginOutcomeKind; n: number }>(
    'SELECT day, outcome, sum(n) AS n FROM login_outcomes GROUP BY day, outcome ORDER BY day, outcome',
  );

  return {
    /** The population set the overview counts: the ready one with the latest peildatum, then the latest import. */
    currentSet: (): { id: number; peildatum: string } | undefined => currentSet.get(),
    populationByBrin: (setId: number) => populationByBrin.all(setId),
    /** Every institution's current label file. */
    currentLabelFiles: () => currentFiles.all(),
    /** Students of the set in the institution's label file as bedrijfsgroep. */
    bedrijfsgroepPopulation: (setId: number, brin: string, fileId: number): number => bedrijfsgroepPopulation.get(setId, brin, fileId) ?? 0,
    /** Responses per institution and bedrijfsgroep or not: started (completed ones included) and completed. */
    responsesByBrin: () => responsesByBrin.all(),
    completedHoursByBrin: (): HourCount[] => hoursByBrin.all(),
    populationPaths: (setId: number, brin: string, fileId: number | null): PopulationPathCount[] => populationPaths.all({ setId, brin, fileId }),
    responsePaths: (brin: string): ResponsePathCount[] => responsePaths.all(brin),
    /** key: response label 1 ('' for none). */
    completedHoursByLabel1: (brin: string): HourCount[] => hoursByLabel1.all(brin),
    /** Rows of a label file whose PGN is not among the institution's students of the set (they cannot log in). */
    labelRowsWithoutStudent: (fileId: number, setId: number, brin: string): number => unmatchedRows.get({ fileId, setId, brin }) ?? 0,
    loginOutcomesNational: () => loginOutcomesNational.all(),
  };
}
export type ResponseOverviewRepo = ReturnType<typeof responseOverviewRepo>;
