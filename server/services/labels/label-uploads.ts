// Label files uploaded in the staff app: the bytes go to a temporary file in the data folder (at most the labels
// service's 50 MB), are checked off the event loop, and wait there for the confirm, at most TTL_MS; a refused file
// is removed at once and only its error counts are recorded. Confirming checks the file again and imports it; the
// temporary file goes either way. The history and each institution's status come from the stored files and refusals.
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { LabelCheckReport, LabelFileStatus, LabelHistory, LabelIssueCode, LabelUploadCheck, LabelUploadResult } from '../../api/staff-labels.ts';
import type { Repos } from '../../db/index.ts';
import { AppError, badRequest } from '../common/errors.ts';
import { requireAccess, requireScope, type StaffPrincipal } from '../staff/access.ts';
import { labelHistory } from './history.ts';
import type { LabelImportReport } from './import.ts';
import type { LabelJobs } from './label-jobs.ts';
import { MAX_BYTES } from './read-file.ts';

/** How long a checked upload waits for its confirm. */
export const TTL_MS = 30 * 60_000;
/** Checked uploads waiting at once, over all users (each up to 50 MB on disk). */
export const MAX_PENDING = 20;
const SUFFIX = '.upload';

interface Pending {
  brin: string;
  fileName: string;
  path: string;
  userId: number;
  expiresAt: number;
}

export interface LabelUploadsDeps {
  repos: Repos;
  jobs: LabelJobs;
  /** The folder for uploaded bytes (inside the data folder). */
  dir: string;
  now: () => Date;
}

const tooLarge = () =>
  new AppError('too_large', {
    nl: `Het bestand is groter dan ${MAX_BYTES / 1024 / 1024} MB; dat is meer dan een labelbestand kan zijn.`,
    en: `The file is larger than ${MAX_BYTES / 1024 / 1024} MB; more than a label file can be.`,
  });
const unknownUpload = () =>
  new AppError('not_found', {
    nl: 'Deze upload bestaat niet (meer): hij is al bevestigd of verlopen. Upload het bestand opnieuw.',
    en: 'This upload does not exist (any more): it was confirmed already or it expired. Upload the file again.',
  });
const unknownInstitution = (brin: string) => new AppError('not_found', { nl: `Instelling ${brin} is onbekend.`, en: `Institution ${brin} is not known.` });

/** The report as the staff API gives it: without the benchmark's timings. */
function toCheckReport(r: LabelImportReport): LabelCheckReport {
  const { timingsMs: _timings, ...report } = r;
  return report;
}

/** Counts the bytes that pass and fails past the limit, so an over-long upload is cut off, not stored. */
function limitTo(max: number): Transform {
  let bytes = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      if (bytes > max) done(tooLarge());
      else done(null, chunk);
    },
  });
}

export function createLabelUploads({ repos, jobs, dir, now }: LabelUploadsDeps) {
  const pending = new Map<string, Pending>();
  let timer: NodeJS.Timeout | null = null;

  const remove = (path: string) => rm(path, { force: true });

  /** Removes expired uploads, and files of uploads this process does not know (left by a stop) once they are as old. */
  async function sweep(): Promise<void> {
    const t = now().getTime();
    for (const [id, p] of pending) {
      if (p.expiresAt <= t) {
        pending.delete(id);
        await remove(p.path);
      }
    }
    const known = new Set([...pending.values()].map((p) => p.path));
    const files = await readdir(dir).catch(() => [] as string[]);
    for (const f of files.filter((f) => f.endsWith(SUFFIX))) {
      const path = join(dir, f);
      if (known.has(path)) continue;
      const age = Date.now() - (await stat(path).catch(() => ({ mtimeMs: Date.now() }))).mtimeMs;
      if (age > TTL_MS) await remove(path);
    }
    if (pending.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  }

  function recordRefusal(brin: string, fileName: string, report: LabelImportReport): void {
    const errorCount = Object.values(report.counts.errors).reduce<number>((s, n) => s + (n ?? 0), 0);
    repos.transaction(() =>
      repos.labelRefusals.add({ brin, fileName, refusedAt: now().toISOString(), errorCount, errorCounts: JSON.stringify(report.counts.errors) }),
    );
  }

  /** The waiting upload `id` of `who` for `brin`, taken out of the waiting list; an expired one is removed. */
  async function take(who: StaffPrincipal, brin: string, id: string): Promise<Pending> {
    requireAccess(who, 'labels', brin);
    const p = pending.get(id);
    if (!p || p.brin !== brin || p.userId !== who.id) throw unknownUpload();
    pending.delete(id);
    if (p.expiresAt <= now().getTime()) {
      await remove(p.path);
      throw unknownUpload();
    }
    return p;
  }

  return {
    /**
     * Stores the uploaded bytes, checks them, and keeps them for the confirm when the file would be accepted. A new
     * upload of the same user for the same institution replaces the one waiting. `declaredBytes`: the length the
     * client announced, if any (refused before reading when over the limit).
     */
    async receive(who: StaffPrincipal, brin: string, fileName: string, body: Readable, declaredBytes: number | null): Promise<LabelUploadCheck> {
      requireAccess(who, 'labels', brin);
      if (!repos.institutions.get(brin)) throw unknownInstitution(brin);
      if (declaredBytes !== null && declaredBytes > MAX_BYTES) throw tooLarge();
      await sweep();
      for (const [id, p] of pending) {
        if (p.userId === who.id && p.brin === brin) {
          pending.delete(id);
          await remove(p.path);
        }
      }
      if (pending.size >= MAX_PENDING) {
        throw new AppError(
          'too_many_uploads',
          { nl: 'Er wachten nu te veel gecontroleerde bestanden op bevestiging. Probeer het over een paar minuten opnieuw.', en: 'Too many checked files are waiting for confirmation right now. Try again in a few minutes.' },
          { limit: MAX_PENDING },
        );
      }

      await mkdir(dir, { recursive: true, mode: 0o700 });
      const id = randomBytes(16).toString('hex');
      const path = join(dir, `${id}${SUFFIX}`);
      try {
        await pipeline(body, limitTo(MAX_BYTES), createWriteStream(path, { flags: 'wx', mode: 0o600 }));
      } catch (err) {
        await remove(path);
        if (err instanceof AppError) throw err;
        const code = (err as { code?: string }).code;
        if (code === 'ECONNRESET' || code === 'ERR_STREAM_PREMATURE_CLOSE' || code === 'ECONNABORTED') {
          throw badRequest([], { nl: 'Het bestand kwam niet helemaal aan. Probeer het opnieuw.', en: 'The file did not arrive completely. Try again.' });
        }
        throw err;
      }

      let report: LabelImportReport;
      try {
        report = await jobs.check({ path, fileName, brin, now: now().toISOString() });
      } catch (err) {
        await remove(path);
        throw err;
      }
      if (!report.accepted) {
        await remove(path);
        recordRefusal(brin, fileName, report);
        return { upload: null, report: toCheckReport(report) };
      }
      const expiresAt = now().getTime() + TTL_MS;
      pending.set(id, { brin, fileName, path, userId: who.id, expiresAt });
      timer ??= setInterval(() => void sweep().catch(() => undefined), 60_000).unref();
      return { upload: { id, expiresAt: new Date(expiresAt).toISOString() }, report: toCheckReport(report) };
    },

    /** Imports a checked upload (checked again first: the population or the current file may have changed). */
    async confirm(who: StaffPrincipal, brin: string, id: string): Promise<LabelUploadResult> {
      const p = await take(who, brin, id);
      let report: LabelImportReport;
      try {
        report = await jobs.importFile({ path: p.path, fileName: p.fileName, brin, now: now().toISOString() });
      } finally {
        await remove(p.path);
      }
      if (!report.accepted) recordRefusal(brin, p.fileName, report);
      return { report: toCheckReport(report) };
    },

    /** Drops a checked upload; nothing changes. */
    async cancel(who: StaffPrincipal, brin: string, id: string): Promise<void> {
      await remove((await take(who, brin, id)).path);
    },

    history(who: StaffPrincipal, brin: string): LabelHistory {
      requireAccess(who, 'labels', brin);
      const inst = repos.institutions.get(brin);
      if (!inst) throw unknownInstitution(brin);
      return {
        brin,
        name: inst.name,
        files: labelHistory(repos, brin).map(({ report: _report, sha256: _sha, brin: _brin, ...f }) => f),
        refusals: repos.labelRefusals.list(brin).map((r) => ({
          fileName: r.fileName,
          refusedAt: r.refusedAt,
          errors: r.errorCount,
          errorCounts: JSON.parse(r.errorCounts) as Partial<Record<LabelIssueCode, number>>,
        })),
      };
    },

    /** Every institution `who` may see, with its label file status. */
    statuses(who: StaffPrincipal): LabelFileStatus[] {
      const scope = requireScope(who, 'labels');
      const refusals = new Map(repos.labelRefusals.latestPerInstitution().map((r) => [r.brin, r]));
      const arrivals = repos.labels.lastArrivals();
      return repos.institutions
        .list()
        .filter((i) => scope === null || i.brin === scope)
        .map((i): LabelFileStatus => {
          const current = repos.labels.currentFile(i.brin) ?? null;
          const lastArrival = arrivals.get(i.brin) ?? null;
          const refusal = refusals.get(i.brin) ?? null;
          const state = refusal && (lastArrival === null || refusal.refusedAt > lastArrival) ? 'refused' : current ? 'accepted' : 'none';
          return {
            brin: i.brin,
            name: i.name,
            state,
            current: current && { fileName: current.fileName, fileDate: current.fileDate, receivedAt: current.receivedAt },
            lastRefusal: refusal && { fileName: refusal.fileName, refusedAt: refusal.refusedAt },
          };
        });
    },

    /** Stops the sweep, removes every upload still waiting and stops the worker (at shutdown). */
    async close(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = null;
      const paths = [...pending.values()].map((p) => p.path);
      pending.clear();
      await Promise.all(paths.map(remove));
      await jobs.close();
    },
  };
}
export type LabelUploads = ReturnType<typeof createLabelUploads>;
