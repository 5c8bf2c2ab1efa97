// The student's survey API; every route needs a session. Registered on the API router itself, not in a
// nested router: the answer saves are the busiest requests, and each router level costs on every one.
import type { RequestHandler, Router } from 'express';
import type { SurveyService } from '../services/survey.ts';
import { pageRequestSchema, saveAnswersRequestSchema } from '../api/contract.ts';
import { parse } from './validate.ts';

export function surveyRoutes(r: Router, survey: SurveyService, session: RequestHandler): void {
  r.get('/survey', session, (_req, res) => {
    res.json(survey.state(res.locals.response!));
  });
  r.put('/survey/answers', session, async (req, res) => {
    res.json(await survey.saveAnswers(res.locals.response!, parse(saveAnswersRequestSchema, req.body)));
  });
  r.put('/survey/page', session, async (req, res) => {
    await survey.setPage(res.locals.response!, parse(pageRequestSchema, req.body).pageId);
    res.status(204).end();
  });
  r.post('/survey/submit', session, async (_req, res) => {
    res.json(await survey.submit(res.locals.response!));
  });
}
