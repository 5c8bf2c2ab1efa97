// The staff reports answered by the reporting worker (report-worker.ts), started on first use and stopped with
// close(). Requests queue in the worker; typed errors come back as the same typed errors.
import { createWorkerCalls } from '../common/worker-calls.ts';
import { toDownload, type Download, type ExportFileOut, type StaffReports } from './staff-reports.ts';
import type { WorkerRequest } from './report-worker.ts';

type Op = WorkerRequest['op'];
type ArgsOf<O extends Op> = Extract<WorkerRequest, { op: O }>['args'];

export function createReportsClient(file: string): StaffReports {
  const worker = createWorkerCalls<WorkerRequest>(new URL('./report-worker.js', import.meta.url), { file }, 'reporting worker');
  const call = <O extends Op>(op: O, ...args: ArgsOf<O>): Promise<unknown> => worker.call({ op, args } as Parameters<typeof worker.call>[0]);

  // What comes back over the thread boundary is the service's return value for the request it answers, hence the casts.
  return {
    institutionOverview: (brin) => call('institutionOverview', brin) as ReturnType<StaffReports['institutionOverview']>,
    nationalOverview: () => call('nationalOverview') as ReturnType<StaffReports['nationalOverview']>,
    cleaningReport: (brin) => call('cleaningReport', brin) as ReturnType<StaffReports['cleaningReport']>,
    institutionResults: (brin, by) => call('institutionResults', brin, by) as ReturnType<StaffReports['institutionResults']>,
    nationalResults: (by) => call('nationalResults', by) as ReturnType<StaffReports['nationalResults']>,
    async exportFile(scope, fileName, lang): Promise<Download> {
      return toDownload((await call('exportFile', scope, fileName, lang)) as ExportFileOut);
    },
    close: () => worker.close(),
  };
}
