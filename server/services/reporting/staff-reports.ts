// What the staff reporting routes ask of reporting, as promises: answered by the reporting service in this thread
// (tests, a database in memory) or in a worker thread of its own (the server: report-client.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  Breakdown,
  CleaningReport,
  ExportFile,
  InstitutionResponseOverview,
  InstitutionResults,
  NationalResponseOverview,
  NationalResults,
  ReportScope,
} from '../../api/staff-reports.ts';
import type { ReportingService } from './reporting-service.ts';
import { exportFileNames } from './export.ts';

export type Lang = 'nl' | 'en';

/** A file to download: small ones as text, the data file on disk until `remove()`. */
export type Download = { name: string; contentType: string } & ({ text: string } | { path: string; remove: () => void });

export interface StaffReports {
  institutionOverview(brin: string): Promise<InstitutionResponseOverview>;
  nationalOverview(): Promise<NationalResponseOverview>;
  cleaningReport(brin?: string): Promise<CleaningReport>;
  institutionResults(brin: string, by: Breakdown | null): Promise<InstitutionResults>;
  nationalResults(by: 'week' | null): Promise<NationalResults>;
  exportFile(scope: ReportScope, file: ExportFile, lang: Lang): Promise<Download>;
  /** Stops a worker, if any. */
  close(): Promise<void>;
}

export const CSV_TYPE = 'text/csv; charset=utf-8';

/** An export file as the thread that made it hands it over: text, or a file in a temporary folder of its own. */
export type ExportFileOut = { name: string; contentType: string } & ({ text: string } | { path: string; dir: string });

/** One export file: the codebook and syntax as text, the data written to a temporary folder. */
export function exportFile(reporting: ReportingService, scope: ReportScope, file: ExportFile, lang: Lang): ExportFileOut {
  const names = exportFileNames(scope);
  if (file === 'codebook.csv') return { name: names.codebook, contentType: CSV_TYPE, text: reporting.codebook(scope, lang) };
  if (file === 'syntax.sps') return { name: names.syntax, contentType: 'text/plain; charset=utf-8', text: reporting.syntax(scope, lang) };
  const dir = mkdtempSync(join(tmpdir(), 'jm-export-'));
  const path = join(dir, names.data);
  try {
    reporting.writeExportData(scope, path);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return { name: names.data, contentType: CSV_TYPE, path, dir };
}

/** A download from an export file; a file on disk is removed with `remove()` once sent. */
export function toDownload(f: ExportFileOut): Download {
  if ('text' in f) return { name: f.name, contentType: f.contentType, text: f.text };
  return { name: f.name, contentType: f.contentType, path: f.path, remove: () => rmSync(f.dir, { recursive: true, force: true }) };
}

/** The reporting service of this thread behind the staff interface. */
export function inProcessReports(reporting: ReportingService): StaffReports {
  const later = <T>(work: () => T): Promise<T> => new Promise((resolve, reject) => setImmediate(() => {
    try {
      resolve(work());
    } catch (err) {
      reject(err);
    }
  }));
  return {
    institutionOverview: (brin) => later(() => reporting.institutionOverview(brin)),
    nationalOverview: () => later(() => reporting.nationalOverview()),
    cleaningReport: (brin) => later(() => reporting.cleaningReport(brin)),
    institutionResults: (brin, by) => later(() => reporting.institutionResults(brin, by)),
    nationalResults: (by) => later(() => reporting.nationalResults(by)),
    exportFile: (scope, file, lang) =>
      later((): Download => {
        const f = exportFile(reporting, scope, file, lang);
        return toDownload(f);
      }),
    close: async () => undefined,
  };
}
