// Checks and keys the chunks of a population file on worker threads and hands the packed chunks to `onChunk`
// in file order as they come in. Each worker holds two chunks, so it already works on the next one while
// this thread merges and writes the last (onChunk may take a while). This thread packs the first chunk itself:
// a worker needs ~0.4 s to start (loading the TypeScript through tsx), which it would otherwise wait for.
import { Worker } from 'node:worker_threads';
import type { Chunk } from './population-chunks.ts';
import type { RecordFormat } from './population-csv.ts';
import { createBulkKeyer } from './keys.ts';
import { packChunk, type PackedChunk } from './population-pack.ts';
import type { ChunkMessage } from './population-worker.ts';

/** A worker with a queue of chunks sent to it; it answers them in order. */
function startWorker(secret: Buffer, format: RecordFormat) {
  const worker = new Worker(new URL('./population-worker.js', import.meta.url), { workerData: { secret } });
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

export async function packInWorkers(
  chunks: AsyncGenerator<Chunk>,
  format: RecordFormat,
  secret: Buffer,
  threads: number,
  onChunk: (c: PackedChunk) => void,
): Promise<void> {
  const workers = Array.from({ length: threads }, () => startWorker(secret, format));
  const waiting = new Map<number, PackedChunk>(); // arrived before an earlier chunk
  let next = 1; // chunk 0 is packed here
  let handed = 0;
  const deliver = (seq: number, packed: PackedChunk) => {
    waiting.set(seq, packed);
    for (let c = waiting.get(handed); c; c = waiting.get(handed)) {
      waiting.delete(handed++);
      onChunk(c);
    }
  };
  const run = async (w: ReturnType<typeof startWorker>): Promise<void> => {
    const queue: Promise<[number, PackedChunk]>[] = [];
    const send = async () => {
      const item = await chunks.next(); // an async generator hands out its chunks one caller at a time
      if (item.done) return;
      const seq = next++;
      const answer = w.send(item.value).then((c): [number, PackedChunk] => [seq, c]);
      answer.catch(() => undefined); // awaited in turn below; must not count as unhandled meanwhile
      queue.push(answer);
    };
    await send();
    await send();
    while (queue.length > 0) {
      const [seq, packed] = await queue.shift()!;
      await send();
      deliver(seq, packed);
    }
  };
  try {
    const first = await chunks.next();
    if (first.done) return;
    const runs = workers.map(run);
    runs.forEach((r) => r.catch(() => undefined)); // awaited below; a failure must not go unhandled meanwhile
    await new Promise((resolve) => setImmediate(resolve)); // the workers get their first chunks before this packs
    deliver(0, packChunk(first.value.bytes, format, first.value.firstLine, createBulkKeyer(secret)));
    await Promise.all(runs);
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
    await chunks.return(undefined); // closes the file when a worker failed halfway
  }
}
