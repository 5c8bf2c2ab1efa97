// Label-file checks and imports off the event loop: in a worker thread on a connection of its own (the server), or
// in this thread for a database in memory (tests). A worker writes as the command-line import does, in short
// transactions with a pause between them, so the students' saves on the main connection get the write lock in
// between; reading and checking a 50 MB file never holds up the event loop that answers them.
import type { Repos } from '../../db/index.ts';
import type { Keyer } from '../common/keys.ts';
import { nextTurn } from '../common/pacing.ts';
import { createWorkerCalls } from '../common/worker-calls.ts';
import { importLabelFile, type LabelImportReport } from './import.ts';

export interface LabelJob {
  /** The uploaded bytes on disk. */
  path: string;
  /** The name as delivered: it carries the BRIN and date. */
  fileName: string;
  /** The institution the file is for. */
  brin: string;
  /** The moment of the job (ISO), so an import's arrival time is the service's clock. */
  now: string;
}

export interface LabelJobs {
  /** Checks the file against the current population and labels; stores nothing. */
  check(job: LabelJob): Promise<LabelImportReport>;
  /** Checks the file again and, without errors, stores it and re-tags the institution's responses. */
  importFile(job: LabelJob): Promise<LabelImportReport>;
  close(): Promise<void>;
}

export type LabelWorkerRequest = { id: number; op: 'check' | 'import'; job: LabelJob };

/** Runs one job with the labels service: what the worker does, and the in-process version. */
export function runLabelJob(deps: { repos: Repos; keyer: Keyer; pause: () => Promise<void> }, op: LabelWorkerRequest['op'], job: LabelJob): Promise<LabelImportReport> {
  const at = new Date(job.now);
  return importLabelFile({ repos: deps.repos, keyer: deps.keyer, pause: deps.pause, now: () => at }, { path: job.path, fileName: job.fileName, brin: job.brin, dryRun: op === 'check' });
}

/** In this thread, one job at a time (a database in memory has no second connection). */
export function inProcessLabelJobs(deps: { repos: Repos; keyer: Keyer }): LabelJobs {
  let queue: Promise<unknown> = Promise.resolve();
  const run = (op: LabelWorkerRequest['op'], job: LabelJob) => {
    const next = queue.then(() => runLabelJob({ ...deps, pause: nextTurn }, op, job));
    queue = next.catch(() => undefined);
    return next;
  };
  return { check: (job) => run('check', job), importFile: (job) => run('import', job), close: async () => undefined };
}

/** A worker thread on the database file `file`, started on first use; it runs the jobs one at a time, in order. */
export function createLabelWorkerJobs(file: string, secret: Buffer): LabelJobs {
  const worker = createWorkerCalls<LabelWorkerRequest>(new URL('./label-worker.js', import.meta.url), { file, secret }, 'label worker');
  const call = (op: LabelWorkerRequest['op'], job: LabelJob) => worker.call({ op, job }) as Promise<LabelImportReport>;
  return { check: (job) => call('check', job), importFile: (job) => call('import', job), close: () => worker.close() };
}
