// Page-time counts of completed responses (migration 012): per page, how many responses spent how many whole
// active seconds on it. A median per page is read from these counts, never from per-response rows.
import type { Db } from './database.ts';

export function pageTimesRepo(db: Db) {
  const pending = db.prepare<[number], number>(
    `SELECT r.id FROM responses r WHERE r.status = 'completed'
       AND NOT EXISTS (SELECT 1 FROM page_times_done d WHERE d.response_id = r.id) ORDER BY r.id LIMIT ?`,
  ).pluck();
  const done = db.prepare<[number]>('INSERT OR IGNORE INTO page_times_done (response_id) VALUES (?)');
  const add = db.prepare<[string, number]>(
    'INSERT INTO page_time_counts (page_id, seconds, n) VALUES (?, ?, 1) ON CONFLICT (page_id, seconds) DO UPDATE SET n = n + 1',
  );
  const counts = db.prepare<[string], { seconds: number; n: number }>('SELECT seconds, n FROM page_time_counts WHERE page_id = ? ORDER BY seconds');
  return {
    /** Completed responses whose page times are not counted yet, oldest first. */
    pending: (limit: number): number[] => pending.all(limit),
    /**
     * Counts one response's page times, once: false (nothing counted) when it was counted before. Call inside
     * a transaction, so the counts and the mark go together.
     */
    add(responseId: number, seconds: Record<string, number>): boolean {
      if (done.run(responseId).changes === 0) return false;
      for (const [pageId, s] of Object.entries(seconds)) add.run(pageId, s);
      return true;
    },
    /** How many responses spent each whole number of seconds on the page, ascending. */
    counts: (pageId: string) => counts.all(pageId),
  };
}
export type PageTimesRepo = ReturnType<typeof pageTimesRepo>;
