// The survey API calls, typed by the server's contract.
import { api } from '../../../lib/api.ts';
import { studentApi } from '../../../../server/api/endpoints.ts';
import type { SaveAnswersRequest, SaveAnswersResult, SubmitResult, SurveyState } from '../../../../server/api/student.ts';

export const fetchSurvey = (lang: string) => api<SurveyState>(studentApi.survey, undefined, lang);
export const saveAnswers = (req: SaveAnswersRequest, lang: string, keepalive = false) => api<SaveAnswersResult>(studentApi.saveAnswers, req, lang, keepalive);
export const savePage = (pageId: string, lang: string) => api<void>(studentApi.setPage, { pageId }, lang);
export const submitSurvey = (lang: string) => api<SubmitResult>(studentApi.submit, undefined, lang);
export const logout = () => api<void>(studentApi.logout);
