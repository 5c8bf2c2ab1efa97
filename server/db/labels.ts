// Label files and their rows, keyed by the PGN pseudonym. The current file of an institution is the ready one
// with the latest date in its name, then the latest arrival; a file is 'loading' while its rows are written in
// short transactions (migration 009). Also applies a file to the institution's responses (re-tagging).
import type { Db } from './database.ts';

export interface LabelSet {
  bedrijfsgroep: string | null;
  respons: [string | null, string | null, string | null];
  analyse: [string | null, string | null, string | null];
}
export interface LabelRow extends LabelSet {
  pgnKey: Buffer;
}
export interface LabelFile {
  id: number;
  brin: string;
  fileName: string;
  fileDate: string | null;
  receivedAt: string;
  rowCount: number;
}

/** What the import recorded about an accepted file (migration 005); null for files stored otherwise (demo seed). */
export interface LabelFileImport {
  sha256: string;
  matched: number;
  notInPopulation: number;
  zonderLabel: number;
  responsesChanged: number;
  report: string; // JSON, never a PGN
}
export interface LabelFileHistoryRow extends LabelFile {
  sha256: string | null;
  matched: number | null;
  notInPopulation: number | null;
  zonderLabel: number | null;
  responsesChanged: number | null;
  report: string | null;
}

const ORDER = `ORDER BY coalesce(file_date, '') DESC, received_at DESC, id DESC`;
const READY = `status = 'ready'`;
const LABEL_COLUMNS = ['bedrijfsgroep', 'respons_1', 'respons_2', 'respons_3', 'analyse_1', 'analyse_2', 'analyse_3'] as const;

export function labelsRepo(db: Db) {
  const insertFile = db.prepare(
    `INSERT INTO label_files (brin, file_name, file_date, received_at, row_count, status)
     VALUES (@brin, @fileName, @fileDate, @receivedAt, @rowCount, 'loading')`,
  );
  const insertRow = db.prepare(
    `INSERT INTO labels (label_file_id, pgn_key, bedrijfsgroep, respons_1, respons_2, respons_3, analyse_1, analyse_2, analyse_3)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const current = db.prepare<[string], LabelFile>(
    `SELECT id, brin, file_name AS fileName, file_date AS fileDate, received_at AS receivedAt, row_count AS rowCount
     FROM label_files WHERE brin = ? AND ${READY} ${ORDER} LIMIT 1`,
  );
  const history = db.prepare<[string], LabelFileHistoryRow>(
    `SELECT id, brin, file_name AS fileName, file_date AS fileDate, received_at AS receivedAt, row_count AS rowCount,
       sha256, matched, not_in_population AS notInPopulation, zonder_label AS zonderLabel,
       responses_changed AS responsesChanged, report
     FROM label_files WHERE brin = ? AND ${READY} ${ORDER}`,
  );
  const lastArrivals = db.prepare<[], { brin: string; receivedAt: string }>(
    `SELECT brin, max(received_at) AS receivedAt FROM label_files WHERE ${READY} GROUP BY brin`,
  );
  const recordImport = db.prepare(
    `UPDATE label_files SET sha256 = @sha256, matched = @matched, not_in_population = @notInPopulation,
       zonder_label = @zonderLabel, responses_changed = @responsesChanged, report = @report WHERE id = @id`,
  );
  const makeReady = db.prepare<[number]>(`UPDATE label_files SET status = 'ready' WHERE id = ? AND status = 'loading'`);
  const dropLoading = db.prepare<[number]>(`DELETE FROM label_files WHERE id = ? AND status = 'loading'`);
  // Labels of the institution's responses as stored now, to tell how many a file would change.
  const responseLabels = db.prepare<[string], { pgnKey: Buffer } & Record<(typeof LABEL_COLUMNS)[number], string | null>>(
    `SELECT pgn_key AS pgnKey, ${LABEL_COLUMNS.join(', ')} FROM responses WHERE brin = ?`,
  );
  // One step of a re-tag: the next `limit` responses of the institution after id `after` get the file's labels
  // (no row in the file: "zonder label").
  const retagStep = db.prepare<{ fileId: number; brin: string; after: number; limit: number }, { id: number }>(
    `UPDATE responses SET label_file_id = @fileId, ${LABEL_COLUMNS.map((c) => `${c} = n.${c}`).join(', ')}
     FROM (SELECT r.id, ${LABEL_COLUMNS.map((c) => `l.${c}`).join(', ')}
           FROM responses r LEFT JOIN labels l ON l.label_file_id = @fileId AND l.pgn_key = r.pgn_key
           WHERE r.brin = @brin AND r.id > @after ORDER BY r.id LIMIT @limit) AS n
     WHERE responses.id = n.id
     RETURNING responses.id`,
  );
  const row = db.prepare<[number, Buffer], { b: string | null; r1: string | null; r2: string | null; r3: string | null; a1: string | null; a2: string | null; a3: string | null }>(
    `SELECT bedrijfsgroep AS b, respons_1 AS r1, respons_2 AS r2, respons_3 AS r3, analyse_1 AS a1, analyse_2 AS a2, analyse_3 AS a3
     FROM labels WHERE label_file_id = ? AND pgn_key = ?`,
  );
  return {
    currentFile: (brin: string): LabelFile | undefined => current.get(brin),
    labelsFor(fileId: number, pgnKey: Buffer): LabelSet | undefined {
      const r = row.get(fileId, pgnKey);
      return r && { bedrijfsgroep: r.b, respons: [r.r1, r.r2, r.r3], analyse: [r.a1, r.a2, r.a3] };
    },
    /** Starts a file, invisible until makeReady(); its rows follow with addRows(). */
    startFile: (file: Omit<LabelFile, 'id'>): number => Number(insertFile.run(file).lastInsertRowid),
    addRows(fileId: number, rows: Iterable<LabelRow>): void {
      for (const r of rows) insertRow.run(fileId, r.pgnKey, r.bedrijfsgroep, ...r.respons, ...r.analyse);
    },
    makeReady: (fileId: number): void => void makeReady.run(fileId),
    /** Stores a whole small file at once and makes it ready (the demo, tests). Call inside a transaction. */
    addFile(file: Omit<LabelFile, 'id' | 'rowCount'>, rows: LabelRow[]): number {
      const id = Number(insertFile.run({ ...file, rowCount: rows.length }).lastInsertRowid);
      for (const r of rows) insertRow.run(id, r.pgnKey, r.bedrijfsgroep, ...r.respons, ...r.analyse);
      makeReady.run(id);
      return id;
    },
    /** Removes a file that never became ready (its rows go with it). */
    dropLoading: (fileId: number): void => void dropLoading.run(fileId),
    recordImport: (id: number, info: LabelFileImport): void => void recordImport.run({ id, ...info }),
    /** Per institution with a ready file: when its latest file arrived. */
    lastArrivals: (): Map<string, string> => new Map(lastArrivals.all().map((r) => [r.brin, r.receivedAt])),
    /** All ready files of an institution, current first. */
    history: (brin: string): LabelFileHistoryRow[] => history.all(brin),
    /** The labels every response of the institution carries now. */
    responseLabels: (brin: string): { pgnKey: Buffer; labels: LabelSet }[] =>
      responseLabels.all(brin).map((r) => ({
        pgnKey: r.pgnKey,
        labels: { bedrijfsgroep: r.bedrijfsgroep, respons: [r.respons_1, r.respons_2, r.respons_3], analyse: [r.analyse_1, r.analyse_2, r.analyse_3] },
      })),
    /** Re-tags the next `limit` responses after id `after`; returns the last id it tagged, or null when none were left. */
    retagStep(brin: string, fileId: number, after: number, limit: number): { lastId: number | null; tagged: number } {
      const ids = retagStep.all({ fileId, brin, after, limit }).map((r) => r.id);
      return { lastId: ids.length ? Math.max(...ids) : null, tagged: ids.length };
    },
  };
}
export type LabelsRepo = ReturnType<typeof labelsRepo>;
