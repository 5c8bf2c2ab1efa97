// The reporting worker thread: the reporting service on a connection of its own (WAL: it reads while the main
// thread writes), answering the staff reports one request at a time. A report of seconds then never holds up the
// event loop that answers students.
import { parentPort, workerData } from 'node:worker_threads';
import { createRepos, openDatabase } from '../../db/index.ts';
import { loadQuestionnaires } from '../../../questionnaire/index.ts';
import { loadCleaningRules } from '../../../questionnaire/cleaning/index.ts';
import { createDefinitions } from '../survey/definitions.ts';
import { answerFor } from '../common/worker-calls.ts';
import { createReportingService } from './reporting-service.ts';
import { exportFile } from './staff-reports.ts';

export type WorkerRequest =
  | { id: number; op: 'institutionOverview'; args: [string] }
  | { id: number; op: 'nationalOverview'; args: [] }
  | { id: number; op: 'cleaningReport'; args: [string | undefined] }
  | { id: number; op: 'institutionResults'; args: [string, Parameters<ReturnType<typeof createReportingService>['institutionResults']>[1]] }
  | { id: number; op: 'nationalResults'; args: ['week' | null] }
  | { id: number; op: 'exportFile'; args: Parameters<typeof exportFile> extends [unknown, ...infer R] ? R : never };

const db = openDatabase((workerData as { file: string }).file);
const repos = createRepos(db);
const questionnaires = loadQuestionnaires();
const reporting = createReportingService({ repos, definitions: createDefinitions(repos, questionnaires), questionnaires, cleaningRules: loadCleaningRules(), now: () => new Date() });

function answer(req: WorkerRequest): unknown {
  switch (req.op) {
    case 'institutionOverview':
      return reporting.institutionOverview(...req.args);
    case 'nationalOverview':
      return reporting.nationalOverview();
    case 'cleaningReport':
      return reporting.cleaningReport(...req.args);
    case 'institutionResults':
      return reporting.institutionResults(...req.args);
    case 'nationalResults':
      return reporting.nationalResults(...req.args);
    case 'exportFile':
      return exportFile(reporting, ...req.args);
  }
}

parentPort!.on('message', (req: WorkerRequest | 'stop') => {
  if (req === 'stop') {
    db.close();
    parentPort!.close();
    return;
  }
  void answerFor(req.id, () => answer(req)).then((out) => parentPort!.postMessage(out));
});
