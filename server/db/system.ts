// The connection as a whole: what the health check asks (a read, and a small write), and its settings for a long
// bulk write.
import type { Db } from './database.ts';

export function systemRepo(db: Db) {
  const ping = db.prepare<[], number>('SELECT 1').pluck();
  const probe = db.prepare<[string]>('INSERT INTO health_probe (id, checked_at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at');
  return {
    ping: (): boolean => ping.get() === 1,
    /**
     * For an import: no memory map while it writes (pages read through the map count towards the process's memory,
     * and an import touches them all once). Returns what restores the setting. Call outside a transaction.
     */
    bulkWrites(): () => void {
      const mmap = Number(db.pragma('mmap_size', { simple: true }));
      db.pragma('mmap_size = 0');
      return () => void db.pragma(`mmap_size = ${mmap}`);
    },
    /** A one-row write; run it inside a write transaction (the group commit). */
    probe: (at: string): void => void probe.run(at),
  };
}
export type SystemRepo = ReturnType<typeof systemRepo>;
