// Group commit: writes that arrive in the same turn of the event loop share one IMMEDIATE transaction, so under
// load the fixed cost of a commit (locks, WAL write, their system calls) is paid once per batch, not once per
// request. Each write runs in its own savepoint: one that throws is rolled back alone and fails only its
// caller. Callers learn their outcome only after the batch has committed (or failed as a whole), so an
// acknowledged write survives a crash.
import type { Db } from './database.ts';

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

export function groupCommit(db: Db): <T>(write: () => T) => Promise<T> {
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
  let queue: { write: () => unknown; resolve: (value: unknown) => void; reject: (error: unknown) => void }[] = [];

  function drain(): void {
    const jobs = queue;
    queue = [];
    let outcomes: Outcome[];
    try {
      outcomes = all.immediate(jobs.map((j) => j.write));
    } catch (error) {
      outcomes = jobs.map(() => ({ ok: false, error })); // the commit failed: nothing was stored
    }
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
