// Backing up and restoring the database: the rules around SQLite's online backup (db/backup.ts). A backup is
// consistent as of its start, made while students answer. A restore checks the backup first, and refuses to replace
// a database that a running server may have open.
import { existsSync } from 'node:fs';
import { backupTo, databaseProblem, replaceDatabase, sideFiles, type Db } from '../../db/index.ts';

export class BackupError extends Error {}

export async function backupDatabase(db: Db, out: string): Promise<{ pages: number }> {
  if (existsSync(out)) throw new BackupError(`${out} already exists; give a new file name (a backup never overwrites)`);
  return { pages: await backupTo(db, out) };
}

export async function restoreDatabase(from: string, target: string, { force = false }: { force?: boolean } = {}): Promise<void> {
  const problem = databaseProblem(from);
  if (problem) throw new BackupError(`${problem}; nothing was changed`);
  if (!force && sideFiles(target).some((f) => existsSync(f))) {
    throw new BackupError(
      `${target} has a -wal or -shm file beside it: a server may be using it. Stop the server first; if it is stopped ` +
        '(after a crash), restore with --force. Nothing was changed.',
    );
  }
  await replaceDatabase(from, target);
}
