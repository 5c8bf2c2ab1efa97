// Label files refused at upload (migration 040): their name, time and error counts per institution, never content.
import type { Db } from './database.ts';

export interface LabelRefusal {
  brin: string;
  fileName: string;
  refusedAt: string;
  errorCount: number;
  /** JSON: { code: count }. */
  errorCounts: string;
}

const COLUMNS = 'brin, file_name AS fileName, refused_at AS refusedAt, error_count AS errorCount, error_counts AS errorCounts';

export function labelRefusalsRepo(db: Db) {
  const insert = db.prepare<LabelRefusal>(
    'INSERT INTO label_refusals (brin, file_name, refused_at, error_count, error_counts) VALUES (@brin, @fileName, @refusedAt, @errorCount, @errorCounts)',
  );
  const list = db.prepare<[string, number], LabelRefusal>(`SELECT ${COLUMNS} FROM label_refusals WHERE brin = ? ORDER BY refused_at DESC, id DESC LIMIT ?`);
  // The newest refusal of every institution that has one.
  const latest = db.prepare<[], LabelRefusal>(
    `SELECT ${COLUMNS} FROM label_refusals r
     WHERE id = (SELECT id FROM label_refusals WHERE brin = r.brin ORDER BY refused_at DESC, id DESC LIMIT 1)`,
  );
  return {
    add: (r: LabelRefusal): void => void insert.run(r),
    /** The institution's refusals, newest first. */
    list: (brin: string, limit = 50): LabelRefusal[] => list.all(brin, limit),
    latestPerInstitution: (): LabelRefusal[] => latest.all(),
  };
}
export type LabelRefusalsRepo = ReturnType<typeof labelRefusalsRepo>;
