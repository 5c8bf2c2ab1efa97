// createApp({ db, config }): the whole HTTP application on one database. Builds the services, mounts one
// router per area (the student API, the staff API, the pages), and the one error handler. Only the CLI's
// serve command listens.
import express from 'express';
import { dirname, join } from 'node:path';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import { createRepos, type Db } from './db/index.ts';
import { createLogger, requestLogger } from './logger.ts';
import { studentApi, staffApi } from './api/endpoints.ts';
import { CURRENT_VERSION, loadQuestionnaires } from '../questionnaire/index.ts';
import { createKeyer, loadSecret } from './services/common/keys.ts';
import { createLoginService } from './services/login/login-service.ts';
import { createSessionService } from './services/login/sessions.ts';
import { createSurveyService } from './services/survey/survey-service.ts';
import { createDefinitions } from './services/survey/definitions.ts';
import { createInstitutionsService } from './services/institutions/institutions-service.ts';
import { createHealthService } from './services/system/health.ts';
import { loadCleaningRules } from '../questionnaire/cleaning/index.ts';
import { createReportingService } from './services/reporting/reporting-service.ts';
import { createReportsClient } from './services/reporting/report-client.ts';
import { inProcessReports } from './services/reporting/staff-reports.ts';
import { createEventBus } from './services/classroom/event-bus.ts';
import { createClassroomService } from './services/classroom/classroom-service.ts';
import { createAccountsService } from './services/staff/accounts.ts';
import { createStaffSessionService } from './services/staff/staff-sessions.ts';
import { createStaffDirectory } from './services/staff/staff-directory.ts';
import { createStorageMonitor } from './services/system/storage.ts';
import { createLabelUploads } from './services/labels/label-uploads.ts';
import { createLabelWorkerJobs, inProcessLabelJobs } from './services/labels/label-jobs.ts';
import { studentRouter } from './http/student-router.ts';
import { staffRouter } from './http/staff-router.ts';
import { pagesRouter } from './http/pages-router.ts';
import { pageHeaders } from './http/middleware/security-headers.ts';
import { errorHandler, notFoundHandler } from './http/middleware/errors.ts';
import { refuseWhileStopping } from './http/middleware/shutdown.ts';

export interface AppOptions {
  db: Db;
  config: Config;
  logger?: Logger;
  secret?: Buffer;
  now?: () => Date;
  /** True once the server is stopping: new requests then get 503 shutting_down (see serve). */
  stopping?: () => boolean;
}

/** The services of the application on one database: what the routers and the serve command use. */
export function createServices({ db, config, secret, now = () => new Date(), logger }: AppOptions) {
  const repos = createRepos(db);
  const bus = createEventBus((err) => logger?.error({ err }, 'event listener failed'));
  const keyer = createKeyer(secret ?? loadSecret(config.dataDir));
  const questionnaires = loadQuestionnaires();
  const definitions = createDefinitions(repos, questionnaires);
  definitions.checkStored();
  const sessions = createSessionService({ repos, idleMinutes: config.sessionIdleMinutes, now });
  const cleaningRules = loadCleaningRules();
  const institutions = createInstitutionsService({ repos });
  const accounts = createAccountsService({ repos, now });
  const storage = createStorageMonitor(now);
  return {
    storage,
    questionnaires,
    definitions,
    sessions,
    bus,
    survey: createSurveyService({ repos, questionnaires, definitions, sessions, now, bus }),
    login: createLoginService({ repos, keyer, definitions, currentVersion: CURRENT_VERSION, helpdeskEmail: config.helpdeskEmail, throttle: config.loginThrottle, now, bus }),
    health: createHealthService({ repos, storage, dataDir: db.memory ? null : dirname(db.name), now }),
    /**
     * Reporting for the staff routes (server/http/staff-reports-router.ts), in a worker thread on its own connection
     * so a report never holds up a save; in this thread for a database in memory. Close it on shutdown.
     */
    reports: db.memory
      ? inProcessReports(createReportingService({ repos, definitions, questionnaires, cleaningRules, now }))
      : createReportsClient(db.name),
    institutions,
    accounts,
    /**
     * Label files uploaded in the staff app: checked and imported in a worker thread on its own connection (in this
     * thread for a database in memory), the bytes kept in <data-dir>/uploads until the confirm. Close it on shutdown.
     */
    labelUploads: createLabelUploads({
      repos,
      jobs: db.memory ? inProcessLabelJobs({ repos, keyer }) : createLabelWorkerJobs(db.name, keyer.secretForWorkers()),
      dir: join(config.dataDir, 'uploads'),
      now,
    }),
    staffSessions: createStaffSessionService({ repos, idleMinutes: config.staffSessionIdleMinutes, now }),
    staffDirectory: createStaffDirectory({ institutions, accounts }),
    classroom: createClassroomService({ repos, bus, definitions, currentVersion: CURRENT_VERSION, now, onError: (err) => logger?.error({ err }, 'classroom live view') }),
  };
}
export type Services = ReturnType<typeof createServices>;

export function createApp({ db, config, logger = createLogger(), secret, now, stopping = () => false, services = createServices({ db, config, secret, now, logger }) }: AppOptions & { services?: Services }) {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('case sensitive routing', true);
  app.set('trust proxy', config.trustProxy);
  app.use(requestLogger(logger));
  app.use(refuseWhileStopping(stopping));

  // One router per API area, each with its own security headers and cross-site check: one layer of the app each.
  app.use(staffApi.base, staffRouter({ config, ...services }));
  app.use(studentApi.base, studentRouter({ config, ...services }));
  app.use(pageHeaders(config), pagesRouter({ clientDir: config.clientDir, questionnaires: services.questionnaires, definitions: services.definitions }));
  app.use(notFoundHandler);
  app.use(errorHandler(logger, services.storage.translate));
  return app;
}
