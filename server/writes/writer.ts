// The writer runs the application's writes (ops.ts) in group commits and answers each caller once its
// batch is committed. Two kinds, one interface:
// - inlineWriter: in the event-loop thread, on the app's own connection (tests, the CLI);
// - threadWriter: in a worker thread with its own connection (`job-monitor serve`). SQLite statements and
//   commits then no longer take turns with HTTP parsing and validation on one core: the event loop
//   hands over plain data and gets plain results back, batched per turn in both directions.
// Errors keep their kind across the thread: an AppError arrives as an AppError with code, status and text.
import { Worker } from 'node:worker_threads';
import type { Db } from '../db/database.ts';
import { batchRunner, groupCommit } from '../db/group-commit.ts';
import { AppError, type Message } from '../errors.ts';
import type { WriteOps } from './ops.ts';

export type OpName = keyof WriteOps;
export type OpArgs<K extends OpName> = Parameters<WriteOps[K]>;
export type OpResult<K extends OpName> = ReturnType<WriteOps[K]>;

export interface Writer {
  run<K extends OpName>(op: K, ...args: OpArgs<K>): Promise<OpResult<K>>;
  /** Waits for the writes in flight, then stops. */
  close(): Promise<void>;
}

export function inlineWriter(db: Db, ops: WriteOps): Writer {
  const commit = groupCommit(db);
  const call = ops as unknown as Record<string, (...args: unknown[]) => unknown>;
  return {
    run: (op, ...args) => commit(() => call[op]!(...args)) as Promise<OpResult<typeof op>>,
    close: async () => {},
  };
}

// ---- the thread's protocol -------------------------------------------------------------------------------
export interface Job {
  id: number;
  op: OpName;
  args: unknown[];
}
export type WireError = { app: { code: string; status: number; text: Message; details?: unknown } } | { message: string; stack?: string };
export type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: WireError };

export function toWire(error: unknown): WireError {
  if (error instanceof AppError) return { app: { code: error.code, status: error.status, text: error.text, details: error.details } };
  return error instanceof Error ? { message: error.message, stack: error.stack } : { message: String(error) };
}

function fromWire(e: WireError): Error {
  if ('app' in e) return new AppError(e.app.code, e.app.status, e.app.text, e.app.details);
  const err = new Error(`writer thread: ${e.message}`);
  if (e.stack) err.stack = e.stack;
  return err;
}

/** Structured cloning turns a Buffer into a plain Uint8Array; SQLite binds only Buffers as blobs. */
export function revive(value: unknown): unknown {
  if (value instanceof Uint8Array) return Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  if (Array.isArray(value)) return value.map(revive);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = revive(v);
    return out;
  }
  return value;
}

/** Runs one message's jobs in one transaction (the thread's side; exported for the thread and its test). */
export function jobRunner(db: Db, ops: WriteOps): (jobs: Job[]) => Reply[] {
  const run = batchRunner(db);
  const call = ops as unknown as Record<string, (...args: unknown[]) => unknown>;
  return (jobs) => {
    const outcomes = run(jobs.map((j) => () => call[j.op]!(...(revive(j.args) as unknown[]))));
    return jobs.map((j, i): Reply => {
      const o = outcomes[i]!;
      return o.ok ? { id: j.id, ok: true, value: o.value } : { id: j.id, ok: false, error: toWire(o.error) };
    });
  };
}

/** Writes handed to the thread at a time while a turn of the event loop is still running. */
const FLUSH_AT = 8;

export interface ThreadWriterOptions {
  file: string;
  /** Whether the thread's connection checkpoints the WAL itself (false when background checkpoints run). */
  autocheckpoint: boolean;
  /** The keying secret (services/keys.ts): the login's twin questions compare initial keys in the thread. */
  secret: Buffer;
}

export function threadWriter({ file, autocheckpoint, secret }: ThreadWriterOptions): Writer {
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  let nextId = 1;
  let outbox: Job[] = [];
  let worker: Worker | null = null;
  let closing: Promise<void> | null = null;
  let drained: (() => void) | null = null; // set while close() waits for the writes in flight
  const settled = () => {
    if (pending.size > 0) return;
    drained?.();
    worker?.unref(); // an idle writer does not keep the process alive
  };

  function start(): Worker {
    const w = new Worker(new URL('./thread-boot.js', import.meta.url), { workerData: { file, autocheckpoint, secret } });
    w.on('message', (replies: Reply[]) => {
      for (const r of replies) {
        const p = pending.get(r.id);
        if (!p) continue;
        pending.delete(r.id);
        if (r.ok) p.resolve(r.value);
        else p.reject(fromWire(r.error));
      }
      settled();
    });
    const fail = (err: Error) => {
      if (worker === w) worker = null; // the next write starts a new thread
      for (const p of pending.values()) p.reject(err);
      pending.clear();
      settled();
    };
    w.on('error', fail);
    w.on('exit', (code) => fail(new Error(`writer thread exited (${code}); the write was not confirmed`)));
    return w;
  }

  function flush(): void {
    if (outbox.length === 0) return;
    const jobs = outbox;
    outbox = [];
    worker ??= start();
    worker.ref();
    worker.postMessage(jobs);
  }

  // Started now, so the first write does not wait for the thread to boot (it loads the TypeScript sources).
  worker = start();
  worker.unref();

  return {
    run<K extends OpName>(op: K, ...args: OpArgs<K>): Promise<OpResult<K>> {
      if (closing) return Promise.reject(new Error('the writer is closed'));
      return new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        outbox.push({ id, op, args });
        // Handed over in small batches while the event loop is still taking in requests, so the thread
        // works alongside it instead of after it; the rest of a turn goes at its end.
        if (outbox.length === 1) setImmediate(flush);
        else if (outbox.length >= FLUSH_AT) flush();
      });
    },
    close() {
      closing ??= (async () => {
        if (pending.size > 0) await new Promise<void>((ok) => (drained = ok));
        await worker?.terminate();
        worker = null;
      })();
      return closing;
    },
  };
}
