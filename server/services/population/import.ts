// Imports a DUO population file. The file is cut into chunks of whole records that worker threads check and
// pseudonymise (pack.ts); this thread merges them in file order (merge.ts) and, while the file has shown no
// problem, writes them into a new, invisible population set in short transactions (write.ts). Only when every
// row is right does the set become current, in one small transaction; a rejected file changes nothing anyone
// sees, and its partial set is removed. Students logging in and answering meanwhile never wait for long.
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Repos } from '../../db/index.ts';
import type { Keyer } from '../common/keys.ts';
import { readPopulationChunks, type Chunk } from './chunks.ts';
import type { RowProblem } from './rows.ts';
import { ChunkMerge } from './merge.ts';
import { packChunk, type PackedChunk } from './pack.ts';
import { packInWorkers } from './workers.ts';
import { chunkStudents, PopulationSetWriter, removeRetiredSets, type Pause } from './write.ts';
import { nextTurn } from '../common/pacing.ts';

export type ImportResult =
  | {
      ok: true;
      peildatum: string;
      rows: number;
      institutions: number;
      replaced: number;
      /** readMs: reading, checking and keying (worker threads); finishMs: writing the set, the switch, clearing the old set. */
      timings: { readMs: number; finishMs: number };
    }
  | { ok: false; peildatum: string; rows: number; problems: RowProblem[]; problemCount: number };

/** Below this size a file is read in this thread: starting workers costs more than they save. */
const WORKER_MIN_BYTES = 1024 * 1024;

export interface ImportOptions {
  /** Worker threads; 0 reads in this thread. Default: one per core for a file of 1 MB or more. */
  threads?: number;
  /** Bytes per chunk (CHUNK_BYTES); tests make it small to cut a small file into many chunks. */
  chunkBytes?: number;
  /** Between two write transactions; by default a turn of the event loop. */
  pause?: Pause;
  now?: Date;
}

async function* packHere(chunks: AsyncGenerator<Chunk>, format: Parameters<typeof packChunk>[1], keyer: Keyer): AsyncGenerator<PackedChunk> {
  for await (const c of chunks) yield packChunk(c.bytes, format, c.firstLine, keyer);
}

export async function importPopulationFile(repos: Repos, keyer: Keyer, file: string, peildatum: string, options: ImportOptions = {}): Promise<ImportResult> {
  const started = performance.now();
  const pause = options.pause ?? nextTurn;
  const headerProblems: RowProblem[] = [];
  const opened = await readPopulationChunks(file, (p) => headerProblems.push(p), options.chunkBytes);
  if (!opened) return { ok: false, peildatum, rows: 0, problems: headerProblems, problemCount: headerProblems.length };
  const threads = options.threads ?? (statSync(file).size >= WORKER_MIN_BYTES ? availableParallelism() : 0);
  const packed = threads > 0 ? packInWorkers(opened.chunks, opened.format, keyer.secretForWorkers(), threads) : packHere(opened.chunks, opened.format, keyer);
  const writer = new PopulationSetWriter(repos, peildatum, (options.now ?? new Date()).toISOString());
  const merge = new ChunkMerge();
  let accepted = false;
  const restore = repos.system.bulkWrites();
  try {
    for await (const c of packed) merge.add(c);
    const { rows } = merge;
    if (merge.problemCount > 0) return { ok: false, peildatum, rows, problems: merge.listed(), problemCount: merge.problemCount };
    if (rows === 0) {
      return { ok: false, peildatum, rows, problems: [{ line: 2, message: 'het bestand bevat geen studenten / the file holds no students' }], problemCount: 1 };
    }
    const readMs = Math.round(performance.now() - started);
    await writer.write(chunkStudents(merge.chunks), pause);
    const institutions = merge.institutions();
    const replaced = writer.finish(institutions, rows);
    accepted = true;
    await removeRetiredSets(repos, pause);
    const finishMs = Math.round(performance.now() - started) - readMs;
    return { ok: true, peildatum, rows, institutions: institutions.size, replaced, timings: { readMs, finishMs } };
  } finally {
    if (!accepted) {
      writer.abandon();
      await removeRetiredSets(repos, pause);
    }
    restore();
  }
}
