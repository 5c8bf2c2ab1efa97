// Login against the DUO population: finds the student by keyed hashes of what they typed, tells twins apart,
// never says whether the surname or the birth date was wrong, applies the login limits and counts every outcome
// per institution per day. The lookup, the session and the count are one write, so a login sees the
// population in one state even while an import replaces it.
import { randomBytes } from 'node:crypto';
import type { Repos } from '../../db/index.ts';
import type { PopulationRow } from '../../db/population.ts';
import type { LoginResult, Gender } from '../../api/student.ts';
import { AppError } from '../common/errors.ts';
import { dayOf } from '../common/clock.ts';
import { sha256, type Keyer } from '../common/keys.ts';
import { typedVariant } from '../population/names.ts';
import type { Definitions } from '../survey/definitions.ts';
import { startResponse } from '../survey/responses.ts';
import { MAX_SESSIONS_PER_RESPONSE } from './sessions.ts';
import { createThrottle, type Attempt, type ThrottleLimits } from './throttle.ts';
import type { EventBus } from '../classroom/event-bus.ts';

export interface LoginInput {
  brin: string;
  surname: string;
  birthDate: string; // YYYY-MM-DD
  gender?: Gender;
  initial?: string;
  /** The classroom session's code the student came with: the outcome is published with it. */
  classroom?: string;
}

export const notFound = (helpdesk: string) =>
  new AppError('login_failed', { nl: 'We kunnen je niet vinden met deze gegevens.', en: 'We cannot find you with these details.' }, { helpdesk });

export const locked = (retryAfterSeconds: number, helpdesk: string) => {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return new AppError(
    'login_locked',
    {
      nl: `Te veel mislukte pogingen. Probeer het over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} opnieuw.`,
      en: `Too many failed attempts. Please try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`,
    },
    { retryAfterSeconds, helpdesk },
  );
};

const GENDER_CODE: Record<Gender, PopulationRow['geslacht'] | undefined> = { man: 'M', vrouw: 'V', anders: 'X', geen: undefined };

/**
 * Twins (or namesakes born the same day at one school) are told apart by gender, then by first initial;
 * a student is never logged in as someone else. Returns the one student, or what to ask, or nobody.
 */
export function narrowCandidates(candidates: PopulationRow[], input: LoginInput, keyer: Keyer): PopulationRow | { ask: 'gender' | 'initial' } | null {
  if (candidates.length <= 1) return candidates[0] ?? null;
  const code = input.gender ? GENDER_CODE[input.gender] : undefined;
  let rest = code ? candidates.filter((c) => c.geslacht === code) : candidates;
  if (rest.length === 0) rest = candidates; // a gender that differs from DUO's never locks anyone out
  if (rest.length === 1) return rest[0]!;
  if (!input.gender) return { ask: 'gender' };
  if (!input.initial) return { ask: 'initial' };
  const initial = input.initial;
  const byInitial = rest.filter((c) => c.initialKey?.equals(keyer.initial(c.brin, c.pgnKey, initial)));
  return byInitial.length === 1 ? byInitial[0]! : null;
}

export interface LoginDeps {
  repos: Repos;
  keyer: Keyer;
  definitions: Definitions;
  /** The questionnaire version new respondents get. */
  currentVersion: string;
  helpdeskEmail: string;
  throttle: ThrottleLimits;
  now: () => Date;
  /** Told every outcome after it is committed (the classroom live view). */
  bus?: EventBus;
}

export type LoginOutcome = { result: LoginResult; sessionToken?: string };

export function createLoginService({ repos, keyer, definitions, currentVersion, helpdeskEmail, throttle: limits, now, bus }: LoginDeps) {
  const throttle = createThrottle(limits, now);

  /** The lookup and its writes, inside one transaction. */
  function loginWrite(input: LoginInput, loginKey: Buffer, tokenHash: Buffer, at: string, day: string): Exclude<LoginResult, { status: 'ok' }> | { status: 'ok'; responseId: number } | { status: 'not_found' } {
    const found = narrowCandidates(repos.population.findCurrentByLoginKey(loginKey, input.brin), input, keyer);
    if (found === null) {
      repos.loginOutcomes.record(input.brin, day, 'not_found');
      return { status: 'not_found' };
    }
    if ('ask' in found) {
      repos.loginOutcomes.record(input.brin, day, 'ambiguous');
      return { status: 'ambiguous', ask: found.ask };
    }
    // Looked up inside the write, so two logins of one student in one batch find one response.
    const existing = repos.responses.findByStudent(found.brin, found.pgnKey);
    if (existing?.status === 'completed') {
      repos.loginOutcomes.record(found.brin, day, 'completed');
      return { status: 'completed', completedAt: existing.completedAt! };
    }
    const responseId = existing?.id ?? startResponse(repos, definitions, currentVersion, found, at);
    repos.sessions.create(tokenHash, responseId, at);
    if (existing) repos.sessions.keepNewest(responseId, tokenHash, MAX_SESSIONS_PER_RESPONSE);
    repos.loginOutcomes.record(found.brin, day, 'success');
    return { status: 'ok', responseId };
  }

  return {
    /** `ip` is the client's address as Express sees it (mind "trust proxy" behind a reverse proxy). */
    async login(input: LoginInput, ip: string): Promise<LoginOutcome> {
      const variant = typedVariant(input.surname);
      const loginKey = keyer.login(input.brin, input.birthDate, variant);
      const attempt: Attempt = {
        surname: keyer.throttle(input.brin, variant).toString('base64'),
        // School + surname + birth date is what the login key is a keyed hash of: it is the student's target.
        student: loginKey.toString('base64'),
        ip,
      };
      const at = now();
      const day = dayOf(at);
      const wait = throttle.retryAfter(attempt);
      if (wait > 0) {
        // Counted before the answer goes out, so the counts are never behind what students were told.
        await repos.commit(() => repos.loginOutcomes.record(input.brin, day, 'locked'));
        bus?.publish({ type: 'login', brin: input.brin, outcome: 'locked', classroom: input.classroom ?? null, responseId: null, at });
        throw locked(Math.ceil(wait / 1000), helpdeskEmail);
      }
      const token = randomBytes(32).toString('base64url');
      const result = await repos.commit(() => loginWrite(input, loginKey, sha256(token), at.toISOString(), day));
      if (bus) {
        const outcome = result.status === 'ok' ? 'success' : result.status;
        bus.publish({ type: 'login', brin: input.brin, outcome, classroom: input.classroom ?? null, responseId: result.status === 'ok' ? result.responseId : null, at });
      }
      switch (result.status) {
        case 'ok':
          return { result: { status: 'ok' }, sessionToken: token };
        case 'completed':
        case 'ambiguous': // a twin question is not a failure: twins and namesakes never lock anyone out
          return { result };
        case 'not_found':
          throttle.failed(attempt);
          throw notFound(helpdeskEmail);
      }
    },
  };
}
export type LoginService = ReturnType<typeof createLoginService>;
