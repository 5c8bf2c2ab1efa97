// Calls into a worker thread that owns its own database connection (the reporting worker, the label worker): each
// request gets an id, the worker answers it with the value or the error, and typed errors come back as the same
// typed errors. The worker starts on first use and an idle one keeps no process alive.
import { Worker } from 'node:worker_threads';
import { AppError } from './errors.ts';

export type WorkerAnswer =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { app: true; code: AppError['code']; text: AppError['text']; details: unknown } | { app: false; message: string } };

/** In the worker: the answer to request `id`, from what `run` returns or throws. */
export async function answerFor(id: number, run: () => unknown): Promise<WorkerAnswer> {
  try {
    return { id, ok: true, value: await run() };
  } catch (err) {
    return {
      id,
      ok: false,
      error: err instanceof AppError ? { app: true, code: err.code, text: err.text, details: err.details } : { app: false, message: err instanceof Error ? err.message : String(err) },
    };
  }
}

/** A request as the caller gives it: the id is added here (per member of a union of requests). */
type WithoutId<R> = R extends unknown ? Omit<R, 'id'> : never;

export interface WorkerCalls<Request extends { id: number }> {
  /** Sends `{ id, ...request }` and resolves with the worker's value for it. */
  call(request: WithoutId<Request>): Promise<unknown>;
  /** Sends 'stop' and waits until the worker has ended (it finishes what it queued first). */
  close(): Promise<void>;
}

/** `name` says which worker stopped, in the error the callers waiting on it get. */
export function createWorkerCalls<Request extends { id: number }>(script: URL, workerData: unknown, name: string): WorkerCalls<Request> {
  let worker: Worker | null = null;
  let next = 0;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  function start(): Worker {
    const w = new Worker(script, { workerData });
    w.unref(); // an idle worker keeps no process alive
    w.on('message', (a: WorkerAnswer) => {
      const p = pending.get(a.id);
      if (!p) return;
      pending.delete(a.id);
      if (a.ok) p.resolve(a.value);
      else if (a.error.app) p.reject(new AppError(a.error.code, a.error.text, a.error.details as never));
      else p.reject(new Error(a.error.message));
    });
    const fail = (err: Error) => {
      for (const p of pending.values()) p.reject(err);
      pending.clear();
      if (worker === w) worker = null; // not a newer worker started after a close()
    };
    w.on('error', fail);
    w.on('exit', (code) => fail(new Error(`${name} stopped (exit code ${code})`)));
    return w;
  }

  return {
    call(request) {
      worker ??= start();
      const id = ++next;
      const answer = new Promise<unknown>((resolve, reject) => pending.set(id, { resolve, reject }));
      worker.postMessage({ id, ...request });
      return answer;
    },
    async close() {
      const w = worker;
      worker = null;
      if (!w) return;
      await new Promise<void>((resolve) => {
        w.once('exit', () => resolve());
        w.postMessage('stop');
      });
    },
  };
}
