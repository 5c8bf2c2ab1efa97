// Reporting in one place: the response overview, the calculator, cleaning runs and their report, results under the
// privacy rule, and the data files. The CLI calls it directly; the web process runs it in a worker thread of its
// own (report-worker.ts), so a report never holds up a student's save.
import type { Repos } from '../../db/index.ts';
import type { Breakdown, ReportScope } from '../../api/staff-reports.ts';
import type { CleaningRules } from '../../../questionnaire/cleaning/index.ts';
import type { Questionnaire } from '../../../questionnaire/index.ts';
import type { Definitions } from '../survey/definitions.ts';
import { runCleaning } from '../cleaning/cleaning-run.ts';
import { createResponseOverview } from './response-overview.ts';
import { cleaningReport } from './cleaning-report.ts';
import { createResults } from './results.ts';
import { createExports } from './export.ts';
import { calculate } from './calculator.ts';

export interface ReportingDeps {
  repos: Repos;
  definitions: Definitions;
  questionnaires: Map<string, Questionnaire>;
  cleaningRules: Map<number, CleaningRules>;
  now: () => Date;
}

export function createReportingService(deps: ReportingDeps) {
  const { repos } = deps;
  const overview = createResponseOverview({ repos });
  const results = createResults(deps);
  const exports = createExports(deps);
  return {
    institutionOverview: overview.institution,
    nationalOverview: overview.national,
    calculate,
    cleaningReport: (brin?: string) => cleaningReport(repos, brin),
    /** A cleaning run with one version of the rules; `pause` is awaited between chunks. */
    runCleaning: (rulesVersion: number, pause: () => Promise<void>) => runCleaning({ ...deps, rules: deps.cleaningRules }, rulesVersion, pause),
    institutionResults: (brin: string, by: Breakdown | null = null) => results.institution(brin, by),
    nationalResults: (by: 'week' | null = null) => results.national(by),
    exportColumns: (scope: ReportScope) => exports.columns(scope),
    codebook: exports.codebook,
    syntax: exports.syntax,
    writeExportData: exports.writeData,
    writeExport: exports.writeAll,
  };
}
export type ReportingService = ReturnType<typeof createReportingService>;
