// The student API under /api: the school list, health, login and logout, the survey, and the classroom join. Each
// route parses its input with the contract's schema, calls one service function and answers. The area's security
// headers and cross-site check come first, in this router: the app mounts it as one layer, so an answer save pays
// for one mount (its path match, prefix trim and URL parse) and not for one per middleware.
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
import type { ClassroomService } from '../services/classroom/classroom-service.ts';
import { BODY_LIMIT, parse } from './middleware/validate.ts';
import { apiHeaders } from './middleware/security-headers.ts';
import { sameOrigin } from './middleware/same-origin.ts';
import { notFoundHandler } from './middleware/errors.ts';
import { classroomJoinRouter } from './classroom-router.ts';
import { clearSessionCookie, requireSession, sessionToken, setSessionCookie } from './middleware/student-session.ts';

export interface StudentRouterDeps {
  config: Config;
  login: LoginService;
  sessions: SessionService;
  survey: SurveyService;
  health: HealthService;
  institutions: InstitutionsService;
  classroom: ClassroomService;
}

export function studentRouter({ config, login, sessions, survey, health, institutions, classroom }: StudentRouterDeps): Router {
  const r = Router({ caseSensitive: true, strict: true });
  const json = express.json({ limit: BODY_LIMIT, strict: true });
  const session = requireSession(sessions, config);
  r.use(apiHeaders(config), sameOrigin);

  // Routes in the order of how often a student sends them (a route is tried against every request before it): the
  // answer save first, which checks its session itself, in its write; then the page changes and the login.
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
  r.put(api.setPage.route, json, session, async (req, res) => {
    await survey.setPage(res.locals.response!, parse(pageRequestSchema, req.body).pageId);
    res.status(204).end();
  });
  r.post(api.login.route, json, async (req, res) => {
    const { result, sessionToken: token } = await login.login(parse(loginRequestSchema, req.body), req.ip ?? '');
    if (token) setSessionCookie(res, token, config);
    else clearSessionCookie(res, config);
    res.json(result);
  });
  r.get(api.survey.route, session, (_req, res) => {
    res.json(survey.state(res.locals.response!));
  });
  r.post(api.submit.route, session, async (_req, res) => {
    res.json(await survey.submit(res.locals.response!));
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
  // After the student's own routes: the answer save, the busiest request, never passes through it.
  r.use(classroomJoinRouter({ classroom }), notFoundHandler);
  return r;
}
