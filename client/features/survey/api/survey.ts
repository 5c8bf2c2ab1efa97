// The survey API calls, typed by the server's contract.
import { api } from '../../../lib/api.ts';
import type { SaveAnswersRequest, SaveAnswersResult, SubmitResult, SurveyState } from '../../../../server/api/contract.ts';

export const fetchSurvey = (lang: string) => api<SurveyState>('GET', '/survey', undefined, lang);
export const saveAnswers = (req: SaveAnswersRequest, lang: string, keepalive = false) =>
  api<SaveAnswersResult>('PUT', '/survey/answers', req, lang, keepalive);
export const savePage = (pageId: string, lang: string) => api<void>('PUT', '/survey/page', { pageId }, lang);
export const submitSurvey = (lang: string) => api<SubmitResult>('POST', '/survey/submit', undefined, lang);
export const logout = () => api<void>('POST', '/logout');
