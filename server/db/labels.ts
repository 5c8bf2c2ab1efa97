// Label files and their rows, keyed by the PGN pseudonym. The current file of an institution is the one
// with the latest date in its name, then the latest arrival.
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
     FROM label_files WHERE brin = ? ORDER BY coalesce(file_date, '') DESC, received_at DESC, id DESC LIMIT 1`,
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
  };
}
export type LabelsRepo = ReturnType<typeof labelsRepo>;
