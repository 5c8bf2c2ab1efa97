// Imports a DUO population file: the file is cut into chunks of whole records that worker threads check and
// pseudonymise in parallel (population-pack.ts) while this thread merges (population-merge.ts) and writes them
// (population-write.ts) in one transaction that replaces the peildatum: committed only when the whole file has
// no problems, so a rejected file changes nothing.
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Repos } from '../db/index.ts';
import { createBulkKeyer, type Keyer } from './keys.ts';
import { readPopulationChunks } from './population-chunks.ts';
import type { RowProblem } from './population-csv.ts';
import { ChunkMerge } from './population-merge.ts';
import { PopulationWriter } from './population-write.ts';
import { packChunk } from './population-pack.ts';
import { packInWorkers } from './population-workers.ts';

export type ImportResult =
  | {
      ok: true;
      peildatum: string;
      rows: number;
      institutions: number;
      replaced: number;
      /** readMs: reading, checking, keying and writing the students (overlapping); finishMs: login keys and commit. */
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
}

export async function importPopulationFile(repos: Repos, keyer: Keyer, file: string, peildatum: string, options: ImportOptions = {}): Promise<ImportResult> {
  const started = performance.now();
  const headerProblems: RowProblem[] = [];
  const opened = await readPopulationChunks(file, (p) => headerProblems.push(p), options.chunkBytes);
  if (!opened) return { ok: false, peildatum, rows: 0, problems: headerProblems, problemCount: headerProblems.length };
  const threads = options.threads ?? (statSync(file).size >= WORKER_MIN_BYTES ? availableParallelism() : 0);
  const secret = keyer.secretForWorkers();
  const writer = new PopulationWriter(repos, peildatum);
  const merge = new ChunkMerge((c) => writer.add(c));
  try {
    if (threads > 0) await packInWorkers(opened.chunks, opened.format, secret, threads, merge.add);
    else {
      const bulk = createBulkKeyer(secret);
      for await (const c of opened.chunks) merge.add(packChunk(c.bytes, opened.format, c.firstLine, bulk));
    }
    const { rows } = merge;
    if (merge.problemCount > 0) return { ok: false, peildatum, rows, problems: merge.listed(), problemCount: merge.problemCount };
    if (rows === 0) {
      return { ok: false, peildatum, rows, problems: [{ line: 2, message: 'het bestand bevat geen studenten / the file holds no students' }], problemCount: 1 };
    }
    const readMs = Math.round(performance.now() - started);
    const institutions = merge.institutions();
    const replaced = writer.commit(institutions);
    const finishMs = Math.round(performance.now() - started) - readMs;
    return { ok: true, peildatum, rows, institutions: institutions.size, replaced, timings: { readMs, finishMs } };
  } finally {
    writer.close(); // rolls back a rejected file, and anything that failed halfway
  }
}
