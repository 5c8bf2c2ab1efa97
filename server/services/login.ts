// Login against the DUO population: finds the student by keyed hashes of what they typed, tells twins
// apart by gender and initial, never says whether the surname or the birth date was wrong, applies the
// brute-force limits and counts every outcome per institution per day.
import { randomBytes } from 'node:crypto';
import type { Repos } from '../db/index.ts';
import type { PopulationRow } from '../db/population.ts';
import { AppError } from '../errors.ts';
import type { LoginResult, Gender } from '../api/contract.ts';
import type { LoginOutcomeKind } from '../db/login-outcomes.ts';
import type { Keyer } from './keys.ts';
import { sha256 } from './keys.ts';
import { typedVariant } from './names.ts';
import { createThrottle, type ThrottleLimits } from './throttle.ts';
import type { Writer } from '../writes/writer.ts';

export interface LoginInput {
  brin: string;
  surname: string;
  birthDate: string; // YYYY-MM-DD
  gender?: Gender;
  initial?: string;
}

const GENDER_CODE: Record<Gender, PopulationRow['geslacht'] | undefined> = { man: 'M', vrouw: 'V', anders: 'X', geen: undefined };

export const notFound = (helpdesk: string) =>
  new AppError(
    'login_failed',
    401,
    { nl: 'We kunnen je niet vinden met deze gegevens.', en: 'We cannot find you with these details.' },
    { helpdesk },
  );

export const locked = (retryAfterSeconds: number, helpdesk: string) => {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return new AppError(
    'login_locked',
    429,
    {
      nl: `Te veel mislukte pogingen. Probeer het over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} opnieuw.`,
      en: `Too many failed attempts. Please try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`,
    },
    { retryAfterSeconds, helpdesk },
  );
};

const amsterdamDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });
/** The calendar day in the Netherlands, as YYYY-MM-DD: the day a school's coordinator would say. */
export const dayOf = (d: Date): string => amsterdamDay.format(d);

export interface LoginDeps {
  repos: Repos;
  keyer: Keyer;
  /** Sessions, responses and outcome counts are written by the writer (writes/ops.ts). */
  writer: Writer;
  helpdeskEmail: string;
  throttle: ThrottleLimits;
  now: () => Date;
}

export type LoginOutcome = { result: LoginResult; sessionToken?: string };

export function createLoginService({ repos, keyer, writer, helpdeskEmail, throttle: limits, now }: LoginDeps) {
  const throttle = createThrottle(limits, now);
  // Counted before the answer goes out, so the counts are never behind what students were told.
  const count = (brin: string, outcome: LoginOutcomeKind) => writer.run('countLogin', brin, dayOf(now()), outcome);

  function findCandidates(input: LoginInput, variant: string): PopulationRow[] {
    const peildatum = repos.population.currentPeildatum();
    if (!peildatum) return [];
    const key = keyer.login(input.brin, input.birthDate, variant);
    return repos.population.findByLoginKey(key, peildatum).filter((r) => r.brin === input.brin);
  }

  function narrow(candidates: PopulationRow[], input: LoginInput): PopulationRow[] | LoginResult {
    if (candidates.length <= 1) return candidates;
    const code = input.gender ? GENDER_CODE[input.gender] : undefined;
    let rest = code ? candidates.filter((c) => c.geslacht === code) : candidates;
    if (rest.length === 0) rest = candidates; // a gender that differs from DUO's never locks anyone out
    if (rest.length <= 1) return rest;
    if (!input.gender) return { status: 'ambiguous', ask: 'gender' };
    if (!input.initial) return { status: 'ambiguous', ask: 'initial' };
    const initial = input.initial;
    const byInitial = rest.filter((c) => c.initialKey?.equals(keyer.initial(c.brin, c.pgnKey, initial)));
    return byInitial.length === 1 ? byInitial : [];
  }

  return {
    /** `ip` is the client's address as Express sees it (mind "trust proxy" behind a reverse proxy). */
    /** Failures reject once counted; a found student's session is written in a group commit (resolved after it). */
    async login(input: LoginInput, ip: string): Promise<LoginOutcome> {
      const variant = typedVariant(input.surname);
      const target = keyer.throttle(input.brin, variant).toString('base64');
      const wait = throttle.retryAfter(target, ip);
      if (wait > 0) {
        await count(input.brin, 'locked');
        throw locked(Math.ceil(wait / 1000), helpdeskEmail);
      }
      const narrowed = narrow(findCandidates(input, variant), input);
      if (!Array.isArray(narrowed)) {
        // "Ambiguous" also tells that a surname and birth date match, so it counts against the limits too;
        // twins need it at most twice.
        throttle.failed(target, ip);
        await count(input.brin, 'ambiguous');
        return { result: narrowed };
      }
      const student = narrowed[0];
      if (!student) {
        throttle.failed(target, ip);
        await count(input.brin, 'not_found');
        throw notFound(helpdeskEmail);
      }
      const token = randomBytes(32).toString('base64url');
      const at = now();
      const result = await writer.run('startSession', student, sha256(token), at.toISOString(), dayOf(at));
      return result.status === 'ok' ? { result, sessionToken: token } : { result };
    },
    logout(token: string): Promise<void> {
      return writer.run('removeSession', sha256(token));
    },
  };
}
export type LoginService = ReturnType<typeof createLoginService>;
