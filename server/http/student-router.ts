// The student API under /api: the school list, health, login and logout, and the survey. Each route parses its
// input with the contract's schema, calls one service function and answers.
import express, { Router } from 'express';
import type { Config } from '../config.ts';
import { studentApi as api } from '../api/endpoints.ts';
import { loginRequestSchema, pageRequestSchema, saveAnswersRequestSchema, type InstitutionOption } from '../api/student.ts';
import type { LoginService } from '../services/login/login-service.ts';
import { noSession, type SessionService } from '../services/login/sessions.ts';
import type { SurveyService } from '../services/survey/survey-service.ts';
import type { HealthService } from '../services/system/health.ts';
import type { InstitutionsService } from '../services/institutions/institutions-service.ts';
import { AppError } from '../services/common/errors.ts';
import { BODY_LIMIT, parse } from './middleware/validate.ts';
import { clearSessionCookie, requireSession, sessionToken, setSessionCookie } from './middleware/student-session.ts';

export interface StudentRouterDeps {
  config: Config;
  login: LoginService;
  sessions: SessionService;
  survey: SurveyService;
  health: HealthService;
  institutions: InstitutionsService;
}

export function studentRouter({ config, login, sessions, survey, health, institutions }: StudentRouterDeps): Router {
  const r = Router({ caseSensitive: true, strict: true });
  const json = express.json({ limit: BODY_LIMIT, strict: true });
  const session = requireSession(sessions, config);

  // The busiest request first: the answer save checks its session itself, in its write.
  r.put(api.saveAnswers.route, json, async (req, res) => {
    const token = sessionToken(req);
    try {
      if (!token) throw noSession();
      res.json(await survey.saveAnswers(token, parse(saveAnswersRequestSchema, req.body)));
    } catch (err) {
      if (AppError.is(err, 'no_session')) clearSessionCookie(res, config);
      throw err;
    }
  });
  r.get(api.survey.route, session, (_req, res) => {
    res.json(survey.state(res.locals.response!));
  });
  r.put(api.setPage.route, json, session, async (req, res) => {
    await survey.setPage(res.locals.response!, parse(pageRequestSchema, req.body).pageId);
    res.status(204).end();
  });
  r.post(api.submit.route, session, async (_req, res) => {
    res.json(await survey.submit(res.locals.response!));
  });

  r.post(api.login.route, json, async (req, res) => {
    const { result, sessionToken: token } = await login.login(parse(loginRequestSchema, req.body), req.ip ?? '');
    if (token) setSessionCookie(res, token, config);
    else clearSessionCookie(res, config);
    res.json(result);
  });
  r.post(api.logout.route, async (req, res) => {
    const token = sessionToken(req);
    if (token) await sessions.logout(token);
    clearSessionCookie(res, config);
    res.status(204).end();
  });

  r.get(api.health.route, async (_req, res) => {
    res.json(await health.check());
  });
  r.get(api.institutions.route, (_req, res) => {
    const list: InstitutionOption[] = institutions.list();
    res.set('Cache-Control', 'public, max-age=300').json(list);
  });
  return r;
}
