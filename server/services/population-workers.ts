// Checks and keys the chunks of a population file on worker threads, one chunk in flight per worker, and
// hands the packed chunks to `onChunk` in file order as they come in (so the main thread merges meanwhile).
import { Worker } from 'node:worker_threads';
import type { Chunk } from './population-chunks.ts';
import type { RecordFormat } from './population-csv.ts';
import type { PackedChunk } from './population-pack.ts';
import type { ChunkMessage } from './population-worker.ts';

export async function packInWorkers(
  chunks: AsyncGenerator<Chunk>,
  format: RecordFormat,
  secret: Buffer,
  threads: number,
  onChunk: (c: PackedChunk) => void,
): Promise<void> {
  const workers = Array.from({ length: threads }, () => new Worker(new URL('./population-worker.js', import.meta.url), { workerData: { secret } }));
  const waiting = new Map<number, PackedChunk>(); // arrived before an earlier chunk
  let next = 0;
  let handed = 0;
  const run = async (worker: Worker): Promise<void> => {
    for (;;) {
      const item = await chunks.next(); // an async generator hands out its chunks one caller at a time
      if (item.done) return;
      const seq = next++;
      const { bytes, firstLine } = item.value;
      const packed = await new Promise<PackedChunk>((resolve, reject) => {
        const onMessage = (m: PackedChunk) => {
          cleanup();
          resolve(m);
        };
        const onError = (err: Error) => {
          cleanup();
          reject(err);
        };
        const onExit = (code: number) => onError(new Error(`population worker stopped (exit code ${code})`));
        const cleanup = () => {
          worker.off('message', onMessage);
          worker.off('error', onError);
          worker.off('exit', onExit);
        };
        worker.on('message', onMessage);
        worker.on('error', onError);
        worker.on('exit', onExit);
        worker.postMessage({ bytes, firstLine, format } satisfies ChunkMessage, [bytes.buffer as ArrayBuffer]);
      });
      waiting.set(seq, packed);
      for (let c = waiting.get(handed); c; c = waiting.get(handed)) {
        waiting.delete(handed++);
        onChunk(c);
      }
    }
  };
  try {
    await Promise.all(workers.map(run));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
    await chunks.return(undefined); // closes the file when a worker failed halfway
  }
}
