// Every write the web application makes, as named operations on plain data. They run inside a group
// commit, either in the event-loop thread (inline writer) or in the writer thread (writer.ts), so their
// arguments and results must survive structured cloning and they read the clock only from their arguments.
import type { Repos } from '../db/index.ts';
import type { Keyer } from '../services/keys.ts';
import type { Gender } from '../api/contract.ts';
import type { PopulationRow } from '../db/population.ts';
import type { ResponseRow } from '../db/responses.ts';
import type { LoginOutcomeKind } from '../db/login-outcomes.ts';
import { saveAnswersRequestSchema, type SaveAnswersResult, type SubmitResult } from '../api/contract.ts';
import { parse } from '../api/validate.ts';
import { AppError, badRequest } from '../errors.ts';
import { checkSession, noSession } from '../services/sessions.ts';
import { checkAnswer, type Questionnaire } from '../../questionnaire/index.ts';
import { createDefinitions } from '../services/question-modules.ts';
import { currentLabels } from '../services/tagging.ts';
import { clockOffsetMs, toEventWrites } from '../services/timing.ts';

export const alreadyCompleted = (completedAt: string | null) =>
  new AppError(
    'already_completed',
    409,
    { nl: 'Je hebt de vragenlijst al ingevuld.', en: 'You have already completed the questionnaire.' },
    { completedAt },
  );

/** What a write needs to know of a response: sent instead of the whole row. */
export type ResponseRef = Pick<ResponseRow, 'id' | 'questionnaireVersion' | 'moduleVersion'>;
export const responseRef = (r: ResponseRow): ResponseRef => ({ id: r.id, questionnaireVersion: r.questionnaireVersion, moduleVersion: r.moduleVersion });

export type StartSessionResult = { status: 'ok' } | { status: 'completed'; completedAt: string };

/** What the login looks a student up by: the keyed hash of what they typed, and the answers to twin questions. */
export interface LoginLookup {
  brin: string;
  /** keyer.login(brin, birth date, typed surname variant) */
  loginKey: Buffer;
  gender?: Gender;
  initial?: string;
}
export type LoginOpResult = StartSessionResult | { status: 'ambiguous'; ask: 'gender' | 'initial' } | { status: 'not_found' };

const GENDER_CODE: Record<Gender, PopulationRow['geslacht'] | undefined> = { man: 'M', vrouw: 'V', anders: 'X', geen: undefined };

/**
 * Twins (or namesakes born the same day at one school) are told apart by gender, then by first initial;
 * a student is never logged in as someone else. Returns the one student, or what to ask, or nobody.
 */
export function narrowCandidates(candidates: PopulationRow[], lookup: LoginLookup, keyer: Keyer): PopulationRow | { ask: 'gender' | 'initial' } | null {
  if (candidates.length <= 1) return candidates[0] ?? null;
  const code = lookup.gender ? GENDER_CODE[lookup.gender] : undefined;
  let rest = code ? candidates.filter((c) => c.geslacht === code) : candidates;
  if (rest.length === 0) rest = candidates; // a gender that differs from DUO's never locks anyone out
  if (rest.length === 1) return rest[0]!;
  if (!lookup.gender) return { ask: 'gender' };
  if (!lookup.initial) return { ask: 'initial' };
  const initial = lookup.initial;
  const byInitial = rest.filter((c) => c.initialKey?.equals(keyer.initial(c.brin, c.pgnKey, initial)));
  return byInitial.length === 1 ? byInitial[0]! : null;
}

export interface WriteOpsDeps {
  repos: Repos;
  questionnaires: Map<string, Questionnaire>;
  currentVersion: string;
  /** For the twins' initial keys in the login. */
  keyer: Keyer;
}

export function createWriteOps({ repos, questionnaires, currentVersion, keyer }: WriteOpsDeps) {
  const definitions = createDefinitions(repos, questionnaires);
  const definitionOf = (r: ResponseRef): Questionnaire => {
    if (!questionnaires.has(r.questionnaireVersion)) throw new Error(`response ${r.id} uses unknown questionnaire version ${r.questionnaireVersion}`);
    return definitions.withModule(r.questionnaireVersion, r.moduleVersion);
  };
  const completedSince = (responseId: number) => alreadyCompleted(repos.responses.get(responseId)?.completedAt ?? null);

  /** A new response on the current version, tagged with the current labels and module. */
  function startResponse(student: PopulationRow, at: string): number {
    const { labelFileId, labels } = currentLabels(repos, student.brin, student.pgnKey);
    const moduleId = definitions.currentModule(student.brin);
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
      now: at,
    });
    if (moduleId) repos.questionModules.setResponseModule(id, moduleId);
    return id;
  }

  /**
   * A successful login: a session on the student's response, started now if they have none. The
   * response is looked up here, inside the write, so two logins of one student in a batch find one.
   */
  function startSession(student: PopulationRow, tokenHash: Buffer, at: string, day: string): StartSessionResult {
    const existing = repos.responses.findByStudent(student.brin, student.pgnKey);
    if (existing?.status === 'completed') {
      repos.loginOutcomes.record(student.brin, day, 'completed');
      return { status: 'completed', completedAt: existing.completedAt! };
    }
    repos.sessions.create(tokenHash, existing?.id ?? startResponse(student, at), at);
    repos.loginOutcomes.record(student.brin, day, 'success');
    return { status: 'ok' };
  }

  return {
    /**
     * A login, whole: the student looked up in the current population by login key, twins told apart,
     * and the session started, or the failure counted. One operation, so the login reads and writes on
     * the writer's connection (in the writer thread, the event loop does no SQLite work for a login) and
     * sees the population in one state even while an import replaces it.
     */
    login(lookup: LoginLookup, tokenHash: Buffer, at: string, day: string): LoginOpResult {
      const candidates = repos.population.findCurrentByLoginKey(lookup.loginKey).filter((r) => r.brin === lookup.brin);
      const found = narrowCandidates(candidates, lookup, keyer);
      if (found === null) {
        repos.loginOutcomes.record(lookup.brin, day, 'not_found');
        return { status: 'not_found' };
      }
      if ('ask' in found) {
        repos.loginOutcomes.record(lookup.brin, day, 'ambiguous');
        return { status: 'ambiguous', ask: found.ask };
      }
      return startSession(found, tokenHash, at, day);
    },

    countLogin(brin: string, day: string, outcome: LoginOutcomeKind): void {
      repos.loginOutcomes.record(brin, day, outcome);
    },

    /**
     * An answer save, whole: the session (checked and touched here, in the same transaction as the
     * write), the request body as the browser sent it (JSON text), every answer against the response's
     * own version. Anything invalid rejects the request and stores nothing.
     */
    saveAnswers(tokenHash: Buffer, body: unknown, receivedAt: string, idleMinutes: number): SaveAnswersResult {
      const check = checkSession(repos.sessions.get(tokenHash), new Date(receivedAt), idleMinutes);
      if (!check.ok) throw noSession();
      const response = check.response;
      if (response.status === 'completed') throw alreadyCompleted(response.completedAt);
      if (check.touch) repos.sessions.touch(tokenHash, receivedAt);
      let json: unknown = body;
      if (typeof body === 'string') {
        try {
          json = JSON.parse(body);
        } catch {
          throw badRequest(['the body is not valid JSON']);
        }
      }
      const req = parse(saveAnswersRequestSchema, json);
      const def = definitionOf(response);
      const problems: string[] = [];
      const writes = req.answers.map((a) => {
        const check = checkAnswer(def, a.questionId, a.value);
        if (!check.ok) problems.push(check.message);
        return { questionId: a.questionId, value: check.ok ? check.value : null, seq: a.seq, changedAt: a.changedAt ?? null };
      });
      if (problems.length) throw badRequest(problems, { nl: 'Een antwoord klopt niet.', en: 'An answer is not valid.' });
      if (repos.responses.saveAnswers(response.id, writes, receivedAt) === null) throw completedSince(response.id);
      if (req.events?.length) repos.timing.add(response.id, toEventWrites(req.events), clockOffsetMs(req.sentAt, new Date(receivedAt)), receivedAt);
      return { acknowledged: writes.map((w) => ({ questionId: w.questionId, seq: w.seq })) };
    },

    setPage(response: ResponseRef, pageId: string, at: string): void {
      if (!definitionOf(response).pages.some((p) => p.id === pageId)) throw badRequest([`unknown page "${pageId}"`]);
      repos.responses.setPage(response.id, pageId, at);
    },

    submit(responseId: number, at: string): SubmitResult {
      if (!repos.responses.complete(responseId, at)) throw completedSince(responseId);
      return { completedAt: at };
    },

    touchSession(tokenHash: Buffer, at: string): void {
      repos.sessions.touch(tokenHash, at);
    },

    removeSession(tokenHash: Buffer): void {
      repos.sessions.remove(tokenHash);
    },

    /** One step of the idle-session sweep (services/session-sweep.ts); returns how many it removed. */
    removeIdleSessions(slice: number, cutoff: string): number {
      return repos.sessions.removeIdleInSlice(slice, cutoff);
    },
  };
}
export type WriteOps = ReturnType<typeof createWriteOps>;
