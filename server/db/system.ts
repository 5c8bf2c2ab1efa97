// What the health check asks the database: that it answers a read, and that it takes a small write.
import type { Db } from './database.ts';

export function systemRepo(db: Db) {
  const ping = db.prepare<[], number>('SELECT 1').pluck();
  const probe = db.prepare<[string]>('INSERT INTO health_probe (id, checked_at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at');
  return {
    ping: (): boolean => ping.get() === 1,
    /** A one-row write; run it inside a write transaction (the group commit). */
    probe: (at: string): void => void probe.run(at),
  };
}
export type SystemRepo = ReturnType<typeof systemRepo>;
