// Login against the DUO population: finds the student by keyed hashes of what they typed, tells twins
// apart by gender and initial, and never says whether the surname or the birth date was wrong.
import { randomBytes } from 'node:crypto';
import type { Repos } from '../db/index.ts';
import type { PopulationRow } from '../db/population.ts';
import { AppError } from '../errors.ts';
import type { LoginResult, Gender } from '../api/contract.ts';
import type { Keyer } from './keys.ts';
import { sha256 } from './keys.ts';
import { typedVariant } from './names.ts';

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

export interface LoginDeps {
  repos: Repos;
  keyer: Keyer;
  startResponse: (student: PopulationRow) => number;
  helpdeskEmail: string;
  now: () => Date;
}

export type LoginOutcome = { result: LoginResult; sessionToken?: string };

export function createLoginService({ repos, keyer, startResponse, helpdeskEmail, now }: LoginDeps) {
  function findCandidates(input: LoginInput): PopulationRow[] {
    const peildatum = repos.population.currentPeildatum();
    if (!peildatum) return [];
    const key = keyer.login(input.brin, input.birthDate, typedVariant(input.surname));
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
    login(input: LoginInput): LoginOutcome {
      const narrowed = narrow(findCandidates(input), input);
      if (!Array.isArray(narrowed)) return { result: narrowed };
      const student = narrowed[0];
      if (!student) throw notFound(helpdeskEmail);
      const existing = repos.responses.findByStudent(student.brin, student.pgnKey);
      if (existing?.status === 'completed') return { result: { status: 'completed', completedAt: existing.completedAt! } };
      const responseId = existing?.id ?? startResponse(student);
      const token = randomBytes(32).toString('base64url');
      repos.sessions.create(sha256(token), responseId, now().toISOString());
      return { result: { status: 'ok' }, sessionToken: token };
    },
    logout(token: string): void {
      repos.sessions.remove(sha256(token));
    },
  };
}
export type LoginService = ReturnType<typeof createLoginService>;
