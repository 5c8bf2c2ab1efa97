// The label worker thread: checks and imports of uploaded label files on a connection of its own, one job at a
// time, pausing a few milliseconds between its write transactions (as the command-line import does) so the main
// thread's writes get in. See label-jobs.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { createRepos, openDatabase } from '../../db/index.ts';
import { createKeyer } from '../common/keys.ts';
import { letOtherWritersIn } from '../common/pacing.ts';
import { answerFor } from '../common/worker-calls.ts';
import { runLabelJob, type LabelWorkerRequest } from './label-jobs.ts';

const { file, secret } = workerData as { file: string; secret: Uint8Array };
const db = openDatabase(file);
const deps = { repos: createRepos(db), keyer: createKeyer(Buffer.from(secret)), pause: letOtherWritersIn };

let queue: Promise<void> = Promise.resolve();

async function answer(req: LabelWorkerRequest): Promise<void> {
  parentPort!.postMessage(await answerFor(req.id, () => runLabelJob(deps, req.op, req.job)));
}

parentPort!.on('message', (req: LabelWorkerRequest | 'stop') => {
  if (req === 'stop') {
    // After the jobs already queued: an import in progress finishes its steps.
    queue = queue.then(() => {
      db.close();
      parentPort!.close();
    });
    return;
  }
  queue = queue.then(() => answer(req));
});
