// createApp({ db, config }): the whole HTTP application on one database. Builds the services, mounts one
// router per area (the student API, the staff API, the pages), and the one error handler. Only the CLI's
// serve command listens.
import express from 'express';
import { dirname } from 'node:path';
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
import { createStorageMonitor } from './services/system/storage.ts';
import { studentRouter } from './http/student-router.ts';
import { staffRouter } from './http/staff-router.ts';
import { pagesRouter } from './http/pages-router.ts';
import { apiHeaders, pageHeaders } from './http/middleware/security-headers.ts';
import { errorHandler, notFoundHandler } from './http/middleware/errors.ts';
import { sameOrigin } from './http/middleware/same-origin.ts';
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
export function createServices({ db, config, secret, now = () => new Date() }: Omit<AppOptions, 'logger'>) {
  const repos = createRepos(db);
  const keyer = createKeyer(secret ?? loadSecret(config.dataDir));
  const questionnaires = loadQuestionnaires();
  const definitions = createDefinitions(repos, questionnaires);
  definitions.checkStored();
  const sessions = createSessionService({ repos, idleMinutes: config.sessionIdleMinutes, now });
  const storage = createStorageMonitor(now);
  return {
    storage,
    questionnaires,
    definitions,
    sessions,
    survey: createSurveyService({ repos, questionnaires, definitions, sessions, now }),
    login: createLoginService({ repos, keyer, definitions, currentVersion: CURRENT_VERSION, helpdeskEmail: config.helpdeskEmail, throttle: config.loginThrottle, now }),
    health: createHealthService({ repos, storage, dataDir: db.memory ? null : dirname(db.name), now }),
    institutions: createInstitutionsService({ repos }),
  };
}
export type Services = ReturnType<typeof createServices>;

export function createApp({ db, config, logger = createLogger(), secret, now, stopping = () => false, services = createServices({ db, config, secret, now }) }: AppOptions & { services?: Services }) {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('case sensitive routing', true);
  app.set('trust proxy', config.trustProxy);
  app.use(requestLogger(logger));
  app.use(refuseWhileStopping(stopping));

  app.use(staffApi.base, apiHeaders(config), sameOrigin, staffRouter());
  app.use(studentApi.base, apiHeaders(config), sameOrigin, studentRouter({ config, ...services }), notFoundHandler);
  app.use(pageHeaders(config), pagesRouter({ clientDir: config.clientDir, questionnaires: services.questionnaires, definitions: services.definitions }));
  app.use(notFoundHandler);
  app.use(errorHandler(logger, services.storage.translate));
  return app;
}
