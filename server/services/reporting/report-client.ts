// The staff reports answered by the reporting worker (report-worker.ts), started on first use and stopped with
// close(). Requests queue in the worker; typed errors come back as the same typed errors.
import { Worker } from 'node:worker_threads';
import type { ErrorCode } from '../../api/errors.ts';
import { AppError } from '../common/errors.ts';
import { toDownload, type Download, type ExportFileOut, type StaffReports } from './staff-reports.ts';
import type { WorkerAnswer, WorkerRequest } from './report-worker.ts';

type Op = WorkerRequest['op'];
type ArgsOf<O extends Op> = Extract<WorkerRequest, { op: O }>['args'];

export function createReportsClient(file: string): StaffReports {
  let worker: Worker | null = null;
  let next = 0;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  function start(): Worker {
    const w = new Worker(new URL('./report-worker.js', import.meta.url), { workerData: { file } });
    w.unref(); // an idle worker keeps no process alive
    w.on('message', (a: WorkerAnswer) => {
      const p = pending.get(a.id);
      if (!p) return;
      pending.delete(a.id);
      if (a.ok) p.resolve(a.value);
      else if (a.error.app) p.reject(new AppError(a.error.code as ErrorCode, a.error.text, a.error.details as never));
      else p.reject(new Error(a.error.message));
    });
    const fail = (err: Error) => {
      for (const p of pending.values()) p.reject(err);
      pending.clear();
      worker = null;
    };
    w.on('error', fail);
    w.on('exit', (code) => fail(new Error(`reporting worker stopped (exit code ${code})`)));
    return w;
  }

  function call<O extends Op>(op: O, ...args: ArgsOf<O>): Promise<unknown> {
    worker ??= start();
    const id = ++next;
    const answer = new Promise<unknown>((resolve, reject) => pending.set(id, { resolve, reject }));
    worker.postMessage({ id, op, args });
    return answer;
  }

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
    async close() {
      const w = worker;
      worker = null;
      if (!w) return;
      await new Promise<void>((resolve) => {
        w.once('exit', () => resolve());
        w.postMessage('stop');
      });
    },
  };
}
