// The student's survey: starting a response on the current version, saving answers (validated against
// the version the response started on), the page position, and submitting once.
import type { Repos } from '../db/index.ts';
import type { ResponseRow } from '../db/responses.ts';
import { type Questionnaire, type AnswerValue } from '../../questionnaire/index.ts';
import type { SaveAnswersResult, SubmitResult, SurveyState } from '../api/contract.ts';
import { sha256 } from './keys.ts';
import type { Definitions } from './question-modules.ts';
import { alreadyCompleted, responseRef } from '../writes/ops.ts';
import type { Writer } from '../writes/writer.ts';

export { alreadyCompleted };

export interface SurveyDeps {
  repos: Repos;
  questionnaires: Map<string, Questionnaire>;
  /** Core version + the institution module the response started with. */
  definitions: Definitions;
  /** Answers, page position and submit are written by the writer (writes/ops.ts), acknowledged once committed. */
  writer: Writer;
  sessionIdleMinutes: number;
  now: () => Date;
}

export function createSurveyService({ repos, questionnaires, definitions, writer, sessionIdleMinutes, now }: SurveyDeps) {
  function definitionOf(r: ResponseRow): Questionnaire {
    if (!questionnaires.has(r.questionnaireVersion)) throw new Error(`response ${r.id} uses unknown questionnaire version ${r.questionnaireVersion}`);
    return definitions.forResponse(r);
  }

  // Every method takes the response as the session read it at the start of the request.
  function openResponse(r: ResponseRow): ResponseRow {
    if (r.status === 'completed') throw alreadyCompleted(r.completedAt);
    return r;
  }

  return {
    state(response: ResponseRow): SurveyState {
      const r = openResponse(response);
      const institution = repos.institutions.get(r.brin);
      const answers: SurveyState['answers'] = {};
      for (const a of repos.responses.answers(r.id)) answers[a.questionId] = { value: a.value as AnswerValue | null, seq: a.seq };
      return {
        status: 'in_progress',
        ref: sha256(`response:${r.id}:${r.startedAt}`).toString('base64url').slice(0, 22),
        institution: { brin: r.brin, name: institution?.name ?? r.brin },
        questionnaire: definitionOf(r),
        answers,
        currentPage: r.currentPage,
        context: { leerweg: r.leerweg, niveau: r.niveau },
      };
    },

    /**
     * The busiest request, handed to the writer whole: session check, parsing, validation against the
     * response's own version and the write with its timing events happen in one transaction there (the
     * event loop does not parse the body). Resolves once committed.
     */
    saveAnswers(sessionToken: string, body: unknown): Promise<SaveAnswersResult> {
      return writer.run('saveAnswers', sha256(sessionToken), body, now().toISOString(), sessionIdleMinutes);
    },

    setPage(response: ResponseRow, pageId: string): Promise<void> {
      return writer.run('setPage', responseRef(openResponse(response)), pageId, now().toISOString());
    },

    submit(response: ResponseRow): Promise<SubmitResult> {
      return writer.run('submit', openResponse(response).id, now().toISOString());
    },
  };
}
export type SurveyService = ReturnType<typeof createSurveyService>;
