// Cuts a population file into chunks of whole records (a few MB each) after reading its header, so the
// records can be checked chunk by chunk, also in parallel, in bounded memory.
import { closeSync, openSync, readSync } from 'node:fs';
import { detectDelimiter, lastRecordEnd, readRecords } from '../common/csv.ts';
import { headerIndex, type RecordFormat, type RowProblem } from './rows.ts';

export interface Chunk {
  /** Whole records; the buffer owns its memory, so it can be transferred to a worker thread. */
  bytes: Buffer;
  /** The line the chunk starts on (the header is line 1). */
  firstLine: number;
}

export const CHUNK_BYTES = 1024 * 1024;

/** The chunk's text; invalid UTF-8 becomes U+FFFD, which the surname check reports. */
export const chunkText = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');

/**
 * Reads the header (after a BOM and empty lines). Returns null after reporting an empty file or missing columns.
 * A missing file throws here, before anything else happens.
 */
export async function readPopulationChunks(
  file: string,
  report: (p: RowProblem) => void,
  chunkBytes = CHUNK_BYTES,
): Promise<{ format: RecordFormat; chunks: AsyncGenerator<Chunk> } | null> {
  const fd = openSync(file, 'r');
  const first = Buffer.allocUnsafeSlow(chunkBytes);
  const n = readSync(fd, first, 0, chunkBytes, null);
  let at = n >= 3 && first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf ? 3 : 0;
  let line = 1;
  for (; at < n && (first[at] === 10 || first[at] === 13); at++) if (first[at] === 10) line++;
  if (at >= n) {
    closeSync(fd);
    report({ line: 1, message: 'het bestand is leeg / the file is empty' });
    return null;
  }
  const headerEnd = first.indexOf(10, at) === -1 || first.indexOf(10, at) >= n ? n : first.indexOf(10, at) + 1;
  const headerText = first.toString('utf8', at, headerEnd).replace(/\r?\n$/, '');
  const delimiter = detectDelimiter(headerText);
  let header: string[] = [];
  readRecords(headerText, delimiter, line, (fields) => (header = fields));
  const index = headerIndex(header, line, report);
  if (!index) {
    closeSync(fd);
    return null;
  }
  const rest = first.subarray(headerEnd, n);
  return { format: { delimiter, index, width: header.length }, chunks: chunks(fd, rest, line + 1, chunkBytes) };
}

async function* chunks(fd: number, firstRest: Buffer, firstLine: number, chunkBytes: number): AsyncGenerator<Chunk> {
  let carry = firstRest;
  let line = firstLine;
  try {
    for (;;) {
      const block = Buffer.allocUnsafeSlow(carry.length + chunkBytes);
      carry.copy(block, 0);
      const read = readSync(fd, block, carry.length, chunkBytes, null);
      const total = carry.length + read;
      // The end of the file ends the last record, with or without a line break.
      const end = read === 0 ? total : lastRecordEnd(block.subarray(0, total), false).end;
      if (end <= 0) {
        if (read === 0) return;
        carry = block.subarray(0, total);
        continue;
      }
      carry = Buffer.from(block.subarray(end, total)); // a copy: `block` is handed over whole
      const chunk = { bytes: block.subarray(0, end), firstLine: line };
      for (let i = block.indexOf(10, 0); i !== -1 && i < end; i = block.indexOf(10, i + 1)) line++;
      yield chunk;
      if (read === 0) return;
    }
  } finally {
    closeSync(fd);
  }
}
