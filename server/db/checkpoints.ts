// Background WAL checkpoints for the server. SQLite normally checkpoints in whichever connection commits
// when the WAL passes 1,000 pages: in the server that is the event-loop thread, which then copies pages
// into the database file and waits for fsync while every request waits. Here a worker thread with its
// own connection checkpoints a few times a second instead, and the server's connection never does.
// Durability does not change: a commit is durable once it is in the WAL (synchronous = NORMAL covers a
// process crash), and a checkpoint only moves committed pages into the database file.
// Should the worker fail, the connection goes back to checkpointing itself.
import { Worker } from 'node:worker_threads';
import type { Db } from './database.ts';

export interface BackgroundCheckpoints {
  /** Stops the worker after a final full checkpoint; call before closing the database. */
  stop(): Promise<void>;
}

const DEFAULT_AUTOCHECKPOINT = 1000;

export function startBackgroundCheckpoints(db: Db, { intervalMs = 200, onError }: { intervalMs?: number; onError?: (err: Error) => void } = {}): BackgroundCheckpoints {
  if (db.memory) throw new Error('background checkpoints need a database file');
  db.pragma('wal_autocheckpoint = 0');
  const worker = new Worker(new URL('./checkpoint-worker.js', import.meta.url), { workerData: { file: db.name, intervalMs } });
  worker.unref();
  const fallBack = () => {
    if (db.open) db.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT}`);
  };
  worker.on('error', (err) => onError?.(err));
  const exited = new Promise<void>((resolve) => worker.once('exit', () => (fallBack(), resolve())));
  let stopping = false;
  return {
    stop() {
      if (!stopping) {
        worker.ref(); // until the final checkpoint is done
        worker.postMessage('stop');
      }
      stopping = true;
      return exited;
    },
  };
}
