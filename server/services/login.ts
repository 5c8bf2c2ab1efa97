// Login against the DUO population: finds the student by keyed hashes of what they typed (the lookup, the
// twins' questions and the session are one write operation, writes/ops.ts), never says whether the surname
// or the birth date was wrong, applies the brute-force limits and counts every outcome per institution per day.
import { randomFillSync } from 'node:crypto';
import { AppError } from '../errors.ts';
import type { LoginResult, Gender } from '../api/contract.ts';
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

// Session tokens (32 random bytes) are cut from a pool refilled 128 tokens at a time, as Node's randomUUID()
// does: a randomBytes() call per token costs about 5 us of dispatch, the cut 0.4 us. Each byte is used once.
const TOKEN_BYTES = 32;
const POOL_TOKENS = 128;
const tokenPool = Buffer.alloc(TOKEN_BYTES * POOL_TOKENS);
let nextToken = POOL_TOKENS;
export function newSessionToken(): string {
  if (nextToken === POOL_TOKENS) {
    randomFillSync(tokenPool);
    nextToken = 0;
  }
  const at = TOKEN_BYTES * nextToken++;
  return tokenPool.toString('base64url', at, at + TOKEN_BYTES);
}

const amsterdamDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });
/** The calendar day in the Netherlands, as YYYY-MM-DD: the day a school's coordinator would say. */
export const dayOf = (d: Date): string => amsterdamDay.format(d);

export interface LoginDeps {
  keyer: Keyer;
  /** Sessions, responses and outcome counts are written by the writer (writes/ops.ts). */
  writer: Writer;
  helpdeskEmail: string;
  throttle: ThrottleLimits;
  now: () => Date;
}

export type LoginOutcome = { result: LoginResult; sessionToken?: string };

export function createLoginService({ keyer, writer, helpdeskEmail, throttle: limits, now }: LoginDeps) {
  const throttle = createThrottle(limits, now);

  return {
    /**
     * `ip` is the client's address as Express sees it (mind "trust proxy" behind a reverse proxy). The lookup,
     * the session and the outcome count are one write operation (writes/ops.ts), resolved once committed; the
     * brute-force limits are kept here.
     */
    async login(input: LoginInput, ip: string): Promise<LoginOutcome> {
      const variant = typedVariant(input.surname);
      const target = keyer.throttle(input.brin, variant).toString('base64');
      const at = now();
      const day = dayOf(at);
      const wait = throttle.retryAfter(target, ip);
      if (wait > 0) {
        // Counted before the answer goes out, so the counts are never behind what students were told.
        await writer.run('countLogin', input.brin, day, 'locked');
        throw locked(Math.ceil(wait / 1000), helpdeskEmail);
      }
      const lookup = { brin: input.brin, loginKey: keyer.login(input.brin, input.birthDate, variant), gender: input.gender, initial: input.initial };
      const token = newSessionToken();
      const result = await writer.run('login', lookup, sha256(token), at.toISOString(), day);
      switch (result.status) {
        case 'ok':
          return { result, sessionToken: token };
        case 'completed':
          return { result };
        case 'ambiguous':
          // "Ambiguous" also tells that a surname and birth date match, so it counts against the limits too;
          // twins need it at most twice.
          throttle.failed(target, ip);
          return { result };
        case 'not_found':
          throttle.failed(target, ip);
          throw notFound(helpdeskEmail);
      }
    },
    logout(token: string): Promise<void> {
      return writer.run('removeSession', sha256(token));
    },
  };
}
export type LoginService = ReturnType<typeof createLoginService>;
