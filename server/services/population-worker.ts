// A population import worker: checks and keys the chunks the main thread sends, and sends back packed rows.
import { parentPort, workerData } from 'node:worker_threads';
import { createBulkKeyer } from './keys.ts';
import { packChunk, transferables } from './population-pack.ts';
import type { RecordFormat } from './population-csv.ts';

export interface ChunkMessage {
  bytes: Uint8Array;
  firstLine: number;
  format: RecordFormat;
}

const keyer = createBulkKeyer(Buffer.from((workerData as { secret: Uint8Array }).secret));
parentPort!.on('message', (m: ChunkMessage) => {
  const packed = packChunk(m.bytes, m.format, m.firstLine, keyer);
  parentPort!.postMessage(packed, transferables(packed));
});
