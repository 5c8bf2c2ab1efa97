// The student's survey API; every route needs a session. Registered on the app itself, not in a router
// of their own: the answer saves are the busiest requests, and each router level costs on every one.
import express, { type RequestHandler, type IRouter } from 'express';
import type { SurveyService } from '../services/survey.ts';
import type { Config } from '../config.ts';
import { pageRequestSchema } from '../api/contract.ts';
import { BODY_LIMIT, parse } from '../api/validate.ts';
import { AppError } from '../errors.ts';
import { noSession } from '../services/sessions.ts';
import { clearSessionCookie, sessionToken } from './session.ts';

/** Registers the survey routes with their own body parsers; the answer save reads its body as text. */
export function surveyRoutes(r: IRouter, survey: SurveyService, session: RequestHandler, config: Config): void {
  r.get('/api/survey', session, (_req, res) => {
    res.json(survey.state(res.locals.response!));
  });
  // The session is checked by the save itself (services/survey.ts), inside its write.
  r.put('/api/survey/answers', express.text({ type: 'application/json', limit: BODY_LIMIT }), async (req, res) => {
    const token = sessionToken(req);
    try {
      if (!token) throw noSession();
      res.json(await survey.saveAnswers(token, req.body));
    } catch (err) {
      if (err instanceof AppError && err.code === 'no_session') clearSessionCookie(res, config);
      throw err;
    }
  });
  r.put('/api/survey/page', express.json({ limit: BODY_LIMIT }), session, async (req, res) => {
    await survey.setPage(res.locals.response!, parse(pageRequestSchema, req.body).pageId);
    res.status(204).end();
  });
  r.post('/api/survey/submit', session, async (_req, res) => {
    res.json(await survey.submit(res.locals.response!));
  });
}
