// job-monitor backup --out FILE and job-monitor restore --from FILE: the database with SQLite's online backup, while
// the server runs; restoring with the server stopped. The secret (secret.key or JOBMONITOR_SECRET) is not in the
// database: it is backed up once, apart from the database backups (README, "Backups").
import { Command } from 'commander';
import { configFrom, openContext } from '../context.ts';
import { databaseFile } from '../../config.ts';
import { backupDatabase, restoreDatabase } from '../../services/system/backup.ts';

const SECRET_REMINDER =
  'The database holds keyed hashes only: without its secret (secret.key in the data folder, or JOBMONITOR_SECRET) a\n' +
  'restored database cannot be linked to a population or used to log in. Keep a copy of the secret apart from these backups.\n';

export function backupCommand(): Command {
  return new Command('backup')
    .description('copy the database to FILE with SQLite\'s online backup (safe while the server runs)')
    .requiredOption('--out <file>', 'the backup file to write (must not exist)')
    .action(async function (this: Command, opts: { out: string }) {
      const ctx = openContext(this);
      try {
        const { pages } = await backupDatabase(ctx.db, opts.out);
        process.stdout.write(`Backup written to ${opts.out} (${pages} pages).\n${SECRET_REMINDER}`);
      } finally {
        ctx.db.close();
      }
    });
}

export function restoreCommand(): Command {
  return new Command('restore')
    .description('replace the database with a backup (stop the server first)')
    .requiredOption('--from <file>', 'a backup made by job-monitor backup')
    .option('--force', 'restore although -wal/-shm files lie beside the database (only when no server runs, after a crash)')
    .action(async function (this: Command, opts: { from: string; force?: boolean }) {
      const target = databaseFile(configFrom(this));
      await restoreDatabase(opts.from, target, { force: opts.force });
      process.stdout.write(`Restored ${target} from ${opts.from}. Start the server with the same secret as before.\n`);
    });
}
