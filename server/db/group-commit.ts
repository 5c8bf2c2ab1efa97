// Group commit: writes that arrive together share one SQLite transaction, so under load the fixed cost of
// a commit (locks, WAL write, their system calls) is paid once per batch, not once per request. Each write
// runs in its own savepoint: one that throws is rolled back alone and fails only its caller. Callers
// learn their outcome only after the batch has committed (or failed as a whole).
import type { Db } from './database.ts';

export type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** Runs a batch of writes in one transaction, each in its own savepoint; returns their outcomes once committed. */
export function batchRunner(db: Db): (writes: (() => unknown)[]) => Outcome[] {
  const one = db.transaction((write: () => unknown) => write()); // a savepoint inside `all`
  const all = db.transaction((writes: (() => unknown)[]): Outcome[] =>
    writes.map((write): Outcome => {
      try {
        return { ok: true, value: one(write) };
      } catch (error) {
        return { ok: false, error };
      }
    }),
  );
  return (writes) => {
    try {
      return all(writes);
    } catch (error) {
      return writes.map(() => ({ ok: false, error })); // the commit failed: nothing was stored
    }
  };
}

/** Writes of one event-loop turn share a transaction; each promise settles after the COMMIT. */
export function groupCommit(db: Db): <T>(write: () => T) => Promise<T> {
  const run = batchRunner(db);
  let queue: { write: () => unknown; resolve: (value: unknown) => void; reject: (error: unknown) => void }[] = [];

  function drain(): void {
    const jobs = queue;
    queue = [];
    const outcomes = run(jobs.map((j) => j.write));
    jobs.forEach((job, i) => {
      const o = outcomes[i]!;
      if (o.ok) job.resolve(o.value);
      else job.reject(o.error);
    });
  }

  return <T>(write: () => T) =>
    new Promise<T>((resolve, reject) => {
      queue.push({ write, resolve: resolve as (value: unknown) => void, reject });
      if (queue.length === 1) setImmediate(drain);
    });
}
