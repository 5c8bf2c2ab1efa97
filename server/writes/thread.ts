// The writer thread: its own connection to the database, the application's write operations, and one
// transaction per message from the event loop (a message carries the writes of one turn there).
import { parentPort, workerData } from 'node:worker_threads';
import { createRepos, openDatabase } from '../db/index.ts';
import { CURRENT_VERSION, loadQuestionnaires } from '../../questionnaire/index.ts';
import { createWriteOps } from './ops.ts';
import { createKeyer } from '../services/keys.ts';
import { jobRunner, type Job, type ThreadWriterOptions } from './writer.ts';

const { file, autocheckpoint, secret } = workerData as ThreadWriterOptions;
const db = openDatabase(file);
if (!autocheckpoint) db.pragma('wal_autocheckpoint = 0');
const run = jobRunner(db, createWriteOps({
    repos: createRepos(db),
    questionnaires: loadQuestionnaires(),
    currentVersion: CURRENT_VERSION,
    keyer: createKeyer(Buffer.from(secret)),
  }));

parentPort!.on('message', (jobs: Job[]) => {
  parentPort!.postMessage(run(jobs));
});
process.on('exit', () => db.close());
