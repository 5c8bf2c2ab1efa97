// The student's survey: starting a response on the current version, saving answers (validated against
// the version the response started on), the page position, and submitting once.
import type { Repos } from '../db/index.ts';
import type { PopulationRow } from '../db/population.ts';
import type { ResponseRow } from '../db/responses.ts';
import { groupCommit } from '../db/group-commit.ts';
import { AppError, badRequest } from '../errors.ts';
import { checkAnswer, type Questionnaire, type AnswerValue } from '../../questionnaire/index.ts';
import type { SaveAnswersRequest, SaveAnswersResult, SubmitResult, SurveyState } from '../api/contract.ts';
import { currentLabels } from './tagging.ts';
import { sha256 } from './keys.ts';
import type { Definitions } from './question-modules.ts';
import { clockOffsetMs, toEventWrites } from './timing.ts';

export const alreadyCompleted = (completedAt: string | null) =>
  new AppError(
    'already_completed',
    409,
    { nl: 'Je hebt de vragenlijst al ingevuld.', en: 'You have already completed the questionnaire.' },
    { completedAt },
  );

export interface SurveyDeps {
  repos: Repos;
  questionnaires: Map<string, Questionnaire>;
  currentVersion: string;
  /** Core version + the institution module the response started with. */
  definitions: Definitions;
  now: () => Date;
}

export function createSurveyService({ repos, questionnaires, currentVersion, definitions, now }: SurveyDeps) {
  function definitionOf(r: ResponseRow): Questionnaire {
    if (!questionnaires.has(r.questionnaireVersion)) throw new Error(`response ${r.id} uses unknown questionnaire version ${r.questionnaireVersion}`);
    return definitions.forResponse(r);
  }

  // Every method takes the response as the session read it at the start of the request.
  function openResponse(r: ResponseRow): ResponseRow {
    if (r.status === 'completed') throw alreadyCompleted(r.completedAt);
    return r;
  }
  const completedSince = (r: ResponseRow) => alreadyCompleted(repos.responses.get(r.id)?.completedAt ?? null);

  // Saves from many students share a transaction under load (see db/group-commit.ts).
  const commit = groupCommit(repos.db);
  // One transaction: the response keeps the module version it started with, as it keeps its core version.
  // Made once: db.transaction() builds a new wrapper on every call, measurable per login.
  const createResponse = repos.db.transaction(
    (student: PopulationRow, labelFileId: number | null, labels: ReturnType<typeof currentLabels>['labels'], moduleId: string | null): number => {
      const id = repos.responses.create({
        brin: student.brin,
        pgnKey: student.pgnKey,
        questionnaireVersion: currentVersion,
        crebo: student.crebo,
        leerweg: student.leerweg,
        niveau: student.niveau,
        geslacht: student.geslacht,
        labelFileId,
        labels,
        now: now().toISOString(),
      });
      if (moduleId) repos.questionModules.setResponseModule(id, moduleId);
      return id;
    },
  );

  return {
    startResponse(student: PopulationRow): number {
      const { labelFileId, labels } = currentLabels(repos, student.brin, student.pgnKey);
      const moduleId = definitions.currentModule(student.brin);
      return createResponse(student, labelFileId, labels, moduleId);
    },

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

    /** All answers are checked first; one invalid answer rejects the whole request and stores nothing.
     *  Timing events in the request are stored with the answers, atomically; resolves once committed. */
    async saveAnswers(response: ResponseRow, req: SaveAnswersRequest): Promise<SaveAnswersResult> {
      const r = openResponse(response);
      const def = definitionOf(r);
      const problems: string[] = [];
      const writes = req.answers.map((a) => {
        const check = checkAnswer(def, a.questionId, a.value);
        if (!check.ok) problems.push(check.message);
        return { questionId: a.questionId, value: check.ok ? check.value : null, seq: a.seq, changedAt: a.changedAt ?? null };
      });
      if (problems.length) throw badRequest(problems, { nl: 'Een antwoord klopt niet.', en: 'An answer is not valid.' });
      const at = now();
      await commit(() => {
        // A submit may have come in between the check above and this write: then nothing is written.
        if (repos.responses.saveAnswers(r.id, writes, at.toISOString()) === null) throw completedSince(r);
        if (req.events?.length) repos.timing.add(r.id, toEventWrites(req.events), clockOffsetMs(req.sentAt, at), at.toISOString());
      });
      return { acknowledged: writes.map((w) => ({ questionId: w.questionId, seq: w.seq })) };
    },

    setPage(response: ResponseRow, pageId: string): void {
      const r = openResponse(response);
      if (!definitionOf(r).pages.some((p) => p.id === pageId)) throw badRequest([`unknown page "${pageId}"`]);
      repos.responses.setPage(r.id, pageId, now().toISOString());
    },

    submit(response: ResponseRow): SubmitResult {
      const r = openResponse(response);
      const at = now().toISOString();
      if (!repos.responses.complete(r.id, at)) throw completedSince(r);
      return { completedAt: at };
    },
  };
}
export type SurveyService = ReturnType<typeof createSurveyService>;
