// What the health check asks the database: that it answers a read.
import type { Db } from './database.ts';

export function systemRepo(db: Db) {
  const ping = db.prepare<[], number>('SELECT 1').pluck();
  return {
    ping: (): boolean => ping.get() === 1,
  };
}
export type SystemRepo = ReturnType<typeof systemRepo>;
