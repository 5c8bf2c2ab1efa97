// The student's survey: its state, saving answers (checked against the version the response started on) with
// their timing events, the page position, and submitting once. Every write is acknowledged only once committed.
import type { Repos } from '../../db/index.ts';
import type { ResponseRow } from '../../db/responses.ts';
import { checkAnswer, type Questionnaire, type AnswerValue } from '../../../questionnaire/index.ts';
import type { SaveAnswersRequest, SaveAnswersResult, SubmitResult, SurveyState } from '../../api/student.ts';
import { AppError, badRequest } from '../common/errors.ts';
import { sha256 } from '../common/keys.ts';
import type { SessionService } from '../login/sessions.ts';
import type { Definitions } from './definitions.ts';
import type { EventBus } from '../classroom/event-bus.ts';
import { boundEvents, clockOffsetMs, eventTargets, inWindow, type EventBounds } from './timing.ts';

/** A response as a student session sees it. */
export type SurveyResponse = ResponseRow;

export const alreadyCompleted = (completedAt: string | null) =>
  new AppError('already_completed', { nl: 'Je hebt de vragenlijst al ingevuld.', en: 'You have already completed the questionnaire.' }, { completedAt });

export interface SurveyDeps {
  repos: Repos;
  questionnaires: Map<string, Questionnaire>;
  /** Core version + the institution module the response started with. */
  definitions: Definitions;
  sessions: SessionService;
  now: () => Date;
  /** Told every save, page change and completion after it is committed (the classroom live view). */
  bus?: EventBus;
}

export function createSurveyService({ repos, questionnaires, definitions, sessions, now, bus }: SurveyDeps) {
  function definitionOf(r: ResponseRow): Questionnaire {
    if (!questionnaires.has(r.questionnaireVersion)) throw new Error(`response ${r.id} uses unknown questionnaire version ${r.questionnaireVersion}`);
    return definitions.forResponse(r);
  }

  function openResponse(r: ResponseRow): ResponseRow {
    if (r.status === 'completed') throw alreadyCompleted(r.completedAt);
    return r;
  }

  const completedSince = (responseId: number) => alreadyCompleted(repos.responses.get(responseId)?.completedAt ?? null);

  // Per definition, built once: the pages and questions its timing events may name.
  const targets = new WeakMap<Questionnaire, ReturnType<typeof eventTargets>>();
  const targetsOf = (def: Questionnaire) => {
    let t = targets.get(def);
    if (!t) targets.set(def, (t = eventTargets(def)));
    return t;
  };

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
     * The busiest request. Every answer is checked against the response's own version before anything is
     * written; the session check and touch, the answers and the timing events are then one write. Anything
     * invalid rejects the request and stores nothing. The session is read inside that write: a read of its own
     * would start a read transaction of its own (a WAL read lock, about 5 us a save).
     */
    async saveAnswers(sessionToken: string, req: SaveAnswersRequest): Promise<SaveAnswersResult> {
      const received = now();
      const receivedAt = received.toISOString();
      const hash = sha256(sessionToken);
      const { responseId, writes, events, ignored, offset } = await repos.commit(() => {
        const session = sessions.live(hash, received);
        const response = openResponse(session.response);
        const def = definitionOf(response);
        const offset = clockOffsetMs(req.sentAt, received);
        const bounds: EventBounds = { fromMs: Date.parse(response.startedAt), toMs: received.getTime(), offsetMs: offset, ...targetsOf(def) };
        const problems: string[] = [];
        const writes = req.answers.map((a) => {
          const check = checkAnswer(def, a.questionId, a.value);
          if (!check.ok) problems.push(check.message);
          // A change time outside the response's lifetime cannot be true: it is not kept.
          const changedAt = a.changedAt && inWindow(a.changedAt, bounds) ? a.changedAt : null;
          return { questionId: a.questionId, value: check.ok ? check.value : null, seq: a.seq, changedAt };
        });
        if (problems.length) throw badRequest(problems, { nl: 'Een antwoord klopt niet.', en: 'An answer is not valid.' });
        const { kept: events, ignored } = req.events?.length ? boundEvents(req.events, bounds) : { kept: [], ignored: 0 };
        if (session.touch) repos.sessions.touch(hash, receivedAt);
        if (repos.responses.saveAnswers(response.id, writes, receivedAt) === null) throw completedSince(response.id);
        if (events.length) repos.timing.add(response.id, events, offset, receivedAt);
        return { responseId: response.id, writes, events, ignored, offset };
      });
      bus?.publish({ type: 'saved', responseId, answers: writes.length, events, offsetMs: offset, at: received });
      return { acknowledged: writes.map((w) => ({ questionId: w.questionId, seq: w.seq })), ...(ignored ? { eventsIgnored: ignored } : {}) };
    },

    async setPage(response: ResponseRow, pageId: string): Promise<void> {
      const r = openResponse(response);
      if (!definitionOf(r).pages.some((p) => p.id === pageId)) throw badRequest([`unknown page "${pageId}"`]);
      const at = now();
      await repos.commit(() => repos.responses.setPage(r.id, pageId, at.toISOString()));
      bus?.publish({ type: 'page', responseId: r.id, pageId, at });
    },

    async submit(response: ResponseRow): Promise<SubmitResult> {
      const r = openResponse(response);
      const at = now().toISOString();
      await repos.commit(() => {
        if (!repos.responses.complete(r.id, at)) throw completedSince(r.id);
      });
      bus?.publish({ type: 'completed', responseId: r.id, at: new Date(at) });
      return { completedAt: at };
    },
  };
}
export type SurveyService = ReturnType<typeof createSurveyService>;
