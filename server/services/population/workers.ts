// Checks and keys the chunks of a population file on worker threads, off the event loop, and hands the packed
// chunks back in file order.
import { Worker } from 'node:worker_threads';
import type { Chunk } from './chunks.ts';
import type { RecordFormat } from './rows.ts';
import type { PackedChunk } from './pack.ts';
import type { ChunkMessage } from './worker.ts';

/** Chunks handed to each worker before the first comes back. */
const AHEAD = 2;

/** A worker with a queue of chunks sent to it; it answers them in order. */
function startWorker(secret: Buffer, format: RecordFormat) {
  const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: { secret } });
  const pending: { resolve: (c: PackedChunk) => void; reject: (e: Error) => void }[] = [];
  const fail = (err: Error) => {
    for (const p of pending.splice(0)) p.reject(err);
  };
  worker.on('message', (m: PackedChunk) => pending.shift()?.resolve(m));
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`population worker stopped (exit code ${code})`)));
  return {
    send(chunk: Chunk): Promise<PackedChunk> {
      const answer = new Promise<PackedChunk>((resolve, reject) => pending.push({ resolve, reject }));
      answer.catch(() => undefined); // the caller awaits it in turn; a failure must not go unhandled meanwhile
      worker.postMessage({ bytes: chunk.bytes, firstLine: chunk.firstLine, format } satisfies ChunkMessage, [chunk.bytes.buffer as ArrayBuffer]);
      return answer;
    },
    stop: () => worker.terminate(),
  };
}

/**
 * The packed chunks in file order. Chunks go to the workers round robin, at most AHEAD per worker, so the
 * workers read, check and key the next chunks while the caller writes the last one, in bounded memory.
 */
export async function* packInWorkers(chunks: AsyncGenerator<Chunk>, format: RecordFormat, secret: Buffer, threads: number): AsyncGenerator<PackedChunk> {
  const workers = Array.from({ length: threads }, () => startWorker(secret, format));
  const inFlight: Promise<PackedChunk>[] = [];
  let sent = 0;
  const fill = async () => {
    while (inFlight.length < AHEAD * threads) {
      const item = await chunks.next();
      if (item.done) return;
      inFlight.push(workers[sent++ % threads]!.send(item.value));
    }
  };
  try {
    await fill();
    while (inFlight.length > 0) {
      const packed = await inFlight.shift()!;
      await fill();
      yield packed;
    }
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
    await chunks.return(undefined); // closes the file when a worker failed halfway
  }
}
