// The background checkpointer's thread (see checkpoints.ts). Plain JavaScript: a worker thread does not
// inherit the tsx loader, and this needs nothing but better-sqlite3.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const { file, intervalMs } = workerData;
const db = new Database(file, { fileMustExist: true });
db.pragma('busy_timeout = 1000');

function checkpoint(mode) {
  // PASSIVE copies what it can without waiting for readers or blocking writers; TRUNCATE at the end
  // waits for readers and leaves an empty WAL.
  const [r] = db.pragma(`wal_checkpoint(${mode})`);
  return r;
}

const timer = setInterval(() => checkpoint('PASSIVE'), intervalMs);
parentPort.on('message', (m) => {
  if (m !== 'stop') return;
  clearInterval(timer);
  let result = null;
  try {
    result = checkpoint('TRUNCATE');
  } finally {
    db.close();
    parentPort.postMessage({ stopped: true, result });
    parentPort.close();
  }
});
