// Group commit: the writes of requests that arrive together share one transaction, so one COMMIT (the
// costly part of a small write: every page it touched goes to the WAL) serves many logins.
import type { Db } from './database.ts';

interface Pending {
  run: () => unknown;
  ok: (value: unknown) => void;
  fail: (err: unknown) => void;
  result?: { value: unknown } | { error: unknown };
}

export interface GroupCommit {
  /**
   * Runs `work` inside a shared transaction, within its own savepoint: if it throws, only its own writes are
   * undone and its promise rejects. The promise settles after the COMMIT. Works run in arrival order.
   */
  run<T>(work: () => T): Promise<T>;
}

export function createGroupCommit(db: Db): GroupCommit {
  let queue: Pending[] = [];
  let scheduled = false;
  const each = db.transaction((p: Pending) => p.run()); // nested inside the batch: a savepoint
  const all = db.transaction((batch: Pending[]) => {
    for (const p of batch) {
      try {
        p.result = { value: each(p) };
      } catch (error) {
        p.result = { error };
      }
    }
  });

  function flush(): void {
    scheduled = false;
    const batch = queue;
    queue = [];
    try {
      all(batch);
    } catch (error) {
      for (const p of batch) p.result = { error }; // the COMMIT failed: nothing of the batch was written
    }
    for (const p of batch) {
      const r = p.result!;
      if ('error' in r) p.fail(r.error);
      else p.ok(r.value);
    }
  }

  return {
    run<T>(work: () => T): Promise<T> {
      return new Promise<T>((ok, fail) => {
        queue.push({ run: work, ok: ok as (v: unknown) => void, fail });
        if (!scheduled) {
          scheduled = true;
          setImmediate(flush); // requests handled in the same turn of the event loop join the batch
        }
      });
    },
  };
}
