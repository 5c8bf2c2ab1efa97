// A population import worker: checks and keys the chunks the main thread sends, and sends back packed rows.
import { parentPort, workerData } from 'node:worker_threads';
import { createKeyer } from '../common/keys.ts';
import { packChunk, transferables } from './pack.ts';
import type { RecordFormat } from './rows.ts';

export interface ChunkMessage {
  bytes: Uint8Array;
  firstLine: number;
  format: RecordFormat;
}

const keyer = createKeyer(Buffer.from((workerData as { secret: Uint8Array }).secret));
parentPort!.on('message', (m: ChunkMessage) => {
  const packed = packChunk(m.bytes, m.format, m.firstLine, keyer);
  parentPort!.postMessage(packed, transferables(packed));
});
