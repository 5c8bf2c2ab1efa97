// The student's survey API; every route needs a session.
import { Router, type RequestHandler } from 'express';
import type { SurveyService } from '../services/survey.ts';
import { pageRequestSchema, saveAnswersRequestSchema } from '../api/contract.ts';
import { parse } from './validate.ts';

export function surveyRoutes(survey: SurveyService, session: RequestHandler): Router {
  const r = Router();
  r.use(session);
  r.get('/', (_req, res) => {
    res.json(survey.state(res.locals.response!));
  });
  r.put('/answers', async (req, res) => {
    res.json(await survey.saveAnswers(res.locals.response!, parse(saveAnswersRequestSchema, req.body)));
  });
  r.put('/page', async (req, res) => {
    await survey.setPage(res.locals.response!, parse(pageRequestSchema, req.body).pageId);
    res.status(204).end();
  });
  r.post('/submit', async (_req, res) => {
    res.json(await survey.submit(res.locals.response!));
  });
  return r;
}
