// Label files and their rows, keyed by the PGN pseudonym. The current file of an institution is the one
// with the latest date in its name, then the latest arrival. Also applies a file to the institution's
// responses (re-tagging), since that write belongs to the same import transaction.
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
const LABEL_COLUMNS = ['bedrijfsgroep', 'respons_1', 'respons_2', 'respons_3', 'analyse_1', 'analyse_2', 'analyse_3'];

export function labelsRepo(db: Db) {
  const insertFile = db.prepare(
    `INSERT INTO label_files (brin, file_name, file_date, received_at, row_count)
     VALUES (@brin, @fileName, @fileDate, @receivedAt, @rowCount)`,
  );
  const insertRow = db.prepare(
    `INSERT INTO labels (label_file_id, pgn_key, bedrijfsgroep, respons_1, respons_2, respons_3, analyse_1, analyse_2, analyse_3)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const current = db.prepare<[string], LabelFile>(
    `SELECT id, brin, file_name AS fileName, file_date AS fileDate, received_at AS receivedAt, row_count AS rowCount
     FROM label_files WHERE brin = ? ${ORDER} LIMIT 1`,
  );
  const history = db.prepare<[string], LabelFileHistoryRow>(
    `SELECT id, brin, file_name AS fileName, file_date AS fileDate, received_at AS receivedAt, row_count AS rowCount,
       sha256, matched, not_in_population AS notInPopulation, zonder_label AS zonderLabel,
       responses_changed AS responsesChanged, report
     FROM label_files WHERE brin = ? ${ORDER}`,
  );
  const recordImport = db.prepare(
    `UPDATE label_files SET sha256 = @sha256, matched = @matched, not_in_population = @notInPopulation,
       zonder_label = @zonderLabel, responses_changed = @responsesChanged, report = @report WHERE id = @id`,
  );
  // The population link reads the population table; it lives here because only label checks need the keys.
  const populationKeys = db.prepare<[string, string], { k: Buffer }>('SELECT pgn_key AS k FROM population WHERE peildatum = ? AND brin = ?');
  // Responses whose labels differ from what the file gives them (no row in the file = "zonder label").
  const changedByFile = db.prepare<{ fileId: number; brin: string }, { n: number }>(
    `SELECT count(*) AS n FROM responses r LEFT JOIN labels l ON l.label_file_id = @fileId AND l.pgn_key = r.pgn_key
     WHERE r.brin = @brin AND (${LABEL_COLUMNS.map((c) => `r.${c} IS NOT l.${c}`).join(' OR ')})`,
  );
  const retag = db.prepare<{ fileId: number; brin: string }>(
    `UPDATE responses SET label_file_id = @fileId, ${LABEL_COLUMNS.map((c) => `${c} = n.${c}`).join(', ')}
     FROM (SELECT r.id, ${LABEL_COLUMNS.map((c) => `l.${c}`).join(', ')}
           FROM responses r LEFT JOIN labels l ON l.label_file_id = @fileId AND l.pgn_key = r.pgn_key
           WHERE r.brin = @brin) AS n
     WHERE responses.id = n.id`,
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
    /** Stores a whole file. Call inside a transaction. */
    addFile(file: Omit<LabelFile, 'id' | 'rowCount'>, rows: LabelRow[]): number {
      const id = Number(insertFile.run({ ...file, rowCount: rows.length }).lastInsertRowid);
      for (const r of rows) insertRow.run(id, r.pgnKey, r.bedrijfsgroep, ...r.respons, ...r.analyse);
      return id;
    },
    recordImport: (id: number, info: LabelFileImport): void => void recordImport.run({ id, ...info }),
    /** All files of an institution, current first. */
    history: (brin: string): LabelFileHistoryRow[] => history.all(brin),
    populationKeys: (peildatum: string, brin: string): Buffer[] => populationKeys.all(peildatum, brin).map((r) => r.k),
    /**
     * Tags every response of the institution with the file's labels (or none: "zonder label") and records the
     * file. Returns how many responses changed labels and how many were tagged. Call inside a transaction.
     */
    retagResponses(brin: string, fileId: number): { changed: number; tagged: number } {
      const changed = changedByFile.get({ fileId, brin })?.n ?? 0;
      const tagged = retag.run({ fileId, brin }).changes;
      return { changed, tagged };
    },
  };
}
export type LabelsRepo = ReturnType<typeof labelsRepo>;
