// Group commit: writes that arrive in the same turn of the event loop share one SQLite transaction, so
// under load the fixed cost of a commit (locks, WAL write, their system calls) is paid once per batch,
// not once per request. Each write runs in its own savepoint: one that throws is rolled back alone and
// rejects only its caller. Every promise settles after the batch has committed (or failed as a whole).
import type { Db } from './database.ts';

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };
interface Job {
  write: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  outcome?: Outcome;
}

export function groupCommit(db: Db): <T>(write: () => T) => Promise<T> {
  let queue: Job[] = [];
  const one = db.transaction((write: () => unknown) => write()); // a savepoint inside `all`
  const all = db.transaction((jobs: Job[]) => {
    for (const job of jobs) {
      try {
        job.outcome = { ok: true, value: one(job.write) };
      } catch (error) {
        job.outcome = { ok: false, error };
      }
    }
  });

  function drain(): void {
    const jobs = queue;
    queue = [];
    try {
      all(jobs);
    } catch (error) {
      for (const job of jobs) job.outcome = { ok: false, error }; // the commit failed: nothing was stored
    }
    for (const job of jobs) {
      const o = job.outcome!;
      if (o.ok) job.resolve(o.value);
      else job.reject(o.error);
    }
  }

  return <T>(write: () => T) =>
    new Promise<T>((resolve, reject) => {
      queue.push({ write, resolve: resolve as (value: unknown) => void, reject });
      if (queue.length === 1) setImmediate(drain);
    });
}
