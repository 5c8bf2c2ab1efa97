// createApp({ db, config }): the whole HTTP application on one database. Only the CLI's serve command listens.
import express from 'express';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import { createRepos, type Db, type Repos } from './db/index.ts';
import { createLogger, requestLogger } from './logger.ts';
import { createKeyer, loadSecret, type Keyer } from './services/keys.ts';
import { createLoginService } from './services/login.ts';
import { createSurveyService } from './services/survey.ts';
import { createDefinitions } from './services/question-modules.ts';
import { printableRoutes } from './routes/printable.ts';
import { staticFiles } from './http/static-files.ts';
import { CURRENT_VERSION, loadQuestionnaires } from '../questionnaire/index.ts';
import { authRoutes } from './routes/auth.ts';
import { surveyRoutes } from './routes/survey.ts';
import { publicRoutes } from './routes/public.ts';
import { requireSession } from './routes/session.ts';
import { errorHandler, notFoundHandler } from './routes/errors.ts';
import { createWriteOps } from './writes/ops.ts';
import { inlineWriter, type Writer } from './writes/writer.ts';

export interface AppOptions {
  db: Db;
  config: Config;
  logger?: Logger;
  secret?: Buffer;
  now?: () => Date;
  /** Where the app's writes run; by default inline on `db`. `job-monitor serve` passes a writer thread. */
  writer?: Writer;
}

/** The app's writes on the event loop, on `db` (the default; `job-monitor serve` makes it to share it with its session sweep). */
export function eventLoopWriter(db: Db, repos: Repos, keyer: Keyer, questionnaires = loadQuestionnaires()): Writer {
  return inlineWriter(db, createWriteOps({ repos, questionnaires, currentVersion: CURRENT_VERSION, keyer }));
}

export function createApp({ db, config, logger = createLogger(), secret, now = () => new Date(), writer: givenWriter }: AppOptions) {
  const repos = createRepos(db);
  const keyer = createKeyer(secret ?? loadSecret(config.dataDir));
  const questionnaires = loadQuestionnaires();
  const definitions = createDefinitions(repos, questionnaires);
  definitions.checkStored();
  const writer = givenWriter ?? eventLoopWriter(db, repos, keyer, questionnaires);
  const survey = createSurveyService({ repos, questionnaires, definitions, writer, sessionIdleMinutes: config.sessionIdleMinutes, now });
  const login = createLoginService({ keyer, writer, helpdeskEmail: config.helpdeskEmail, throttle: config.loginThrottle, now });

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('trust proxy', config.trustProxy);
  app.use(requestLogger(logger));

  // The JSON API first, with the response headers OWASP recommends for APIs, set at once; helmet's full
  // set below is for the pages and files a browser renders. The survey routes come first: they are the busiest.
  const apiHeaders = Object.entries({
    'Cache-Control': 'no-store',
    'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Resource-Policy': 'same-origin',
    ...(config.secureCookies ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {}),
  });
  // The API routes sit on the app itself with their full paths: a router level of their own cost measurably on
  // every request (the answer save and the login are the busiest). Every route brings its own body parser.
  app.use((req, res, next) => {
    if (req.url.startsWith('/api/')) for (const [name, value] of apiHeaders) res.setHeader(name, value);
    next();
  });
  surveyRoutes(app, survey, requireSession(repos, writer, config, now), config);
  authRoutes(app, login, config);
  publicRoutes(app, repos);
  app.use('/api', notFoundHandler);

  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          manifestSrc: ["'self'"],
          workerSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      strictTransportSecurity: config.secureCookies,
    }),
  );
  app.use(printableRoutes(questionnaires, definitions));

  if (config.clientDir && existsSync(join(config.clientDir, 'index.html'))) app.use(staticFiles(config.clientDir));
  app.use(notFoundHandler);
  app.use(errorHandler(logger));
  return app;
}
