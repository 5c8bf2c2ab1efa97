// Backups with SQLite's online backup API (better-sqlite3's db.backup): a consistent copy of the database as of the
// moment the copy starts, made while the server keeps writing. And the checks a restore needs: that a file is a
// sound job-monitor database, and putting it in place of the database file.
import Database from 'better-sqlite3';
import { existsSync, renameSync, rmSync } from 'node:fs';
import type { Db } from './database.ts';

/**
 * Copies the open database to `file` (which must not exist yet); resolves with the number of pages copied. The copy
 * is taken in one step after the first: SQLite restarts a stepwise backup whenever another process (the server)
 * writes, which under steady saves could go on for ever; one step is one read snapshot, and in WAL mode a reader
 * blocks no writer.
 */
export async function backupTo(db: Db, file: string): Promise<number> {
  const { totalPages } = await db.backup(file, { progress: ({ totalPages: total }) => total + 1 });
  return totalPages;
}

/** Why `file` is not a sound job-monitor database, or null when it is (integrity check and migrations table). */
export function databaseProblem(file: string): string | null {
  if (!existsSync(file)) return `${file} does not exist`;
  let db: Db | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') return `${file} is damaged: ${String(integrity)}`;
    const migrations = db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'").pluck().get();
    if (migrations !== 1) return `${file} is not a job-monitor database (no schema_migrations table)`;
    return null;
  } catch (err) {
    return `${file} cannot be read as a database: ${err instanceof Error ? err.message : String(err)}`;
  } finally {
    db?.close();
  }
}

/** The files SQLite keeps beside a database in WAL mode. */
export const sideFiles = (file: string) => [`${file}-wal`, `${file}-shm`];

/**
 * Puts a copy of `source` in place of `target`: copied beside it first (with the backup API, so a backup that is
 * itself in WAL mode comes over whole), then renamed over it; the old WAL and shared-memory files are removed, so
 * nothing of the replaced database is replayed into the restored one.
 */
export async function replaceDatabase(source: string, target: string): Promise<void> {
  const temp = `${target}.restoring`;
  rmSync(temp, { force: true });
  const src = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await src.backup(temp);
  } finally {
    src.close();
  }
  for (const f of sideFiles(target)) rmSync(f, { force: true });
  renameSync(temp, target);
}
