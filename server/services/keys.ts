// Keyed hashes (HMAC-SHA256) that stand in for personal data: the PGN pseudonym and the login keys.
// The secret lives outside the database, so a copy of the database alone cannot be matched to people.
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HmacSha256 } from './hmac-sha256.ts';

export interface Keyer {
  pgn(pgn: string): Buffer;
  login(brin: string, birthDate: string, nameVariant: string): Buffer;
  initial(brin: string, pgnKey: Buffer, initial: string): Buffer;
  /** The brute-force limit's target (school + typed surname), so the limiter never holds a surname. */
  throttle(brin: string, nameVariant: string): Buffer;
  /** The secret, for worker threads that key an import in parallel (each makes its own BulkKeyer). */
  readonly secretForWorkers: () => Buffer;
}

/** The same keys written into a caller's buffer: no Buffer per key, for millions of keys in an import. */
export interface BulkKeyer {
  pgnInto(out: Uint8Array, at: number, pgn: string): void;
  /** The login keys of all name variants of one student, `keyBytes` (the first bytes of each key) apart. */
  loginInto(out: Uint8Array, at: number, keyBytes: number, brin: string, birthDate: string, nameVariants: readonly string[]): void;
  initialInto(out: Uint8Array, at: number, brin: string, pgnKey: Uint8Array, initial: string): void;
}

// Every message is the domain and its parts joined by U+001F, keyed with HMAC-SHA256. These three builders
// are the only place the messages are spelled out, so the bulk keys are the login's keys byte for byte.
const SEP = '\u001f';
const pgnMessage = (h: HmacSha256, pgn: string) => h.begin('pgn').str(SEP).str(pgn);
const loginStart = (h: HmacSha256, brin: string, birthDate: string) => h.begin('login').str(SEP).str(brin).str(SEP).str(birthDate).str(SEP);
const loginMessage = (h: HmacSha256, brin: string, birthDate: string, nameVariant: string) => loginStart(h, brin, birthDate).str(nameVariant);
const initialMessage = (h: HmacSha256, brin: string, pgnKey: Uint8Array, initial: string) =>
  h.begin('initial').str(SEP).str(brin).str(SEP).bytes(pgnKey).str(SEP).str(initial.toLowerCase());

export function createKeyer(secret: Buffer): Keyer {
  // One reusable hasher: its key blocks are hashed once, not per message (see hmac-sha256.ts).
  const h = new HmacSha256(secret);
  return {
    pgn: (pgn) => pgnMessage(h, pgn).digest(),
    login: (brin, birthDate, nameVariant) => loginMessage(h, brin, birthDate, nameVariant).digest(),
    initial: (brin, pgnKey, initial) => initialMessage(h, brin, pgnKey, initial).digest(),
    throttle: (brin, nameVariant) => h.begin('throttle').str(SEP).str(brin).str(SEP).str(nameVariant).digest(),
    secretForWorkers: () => secret,
  };
}

export function createBulkKeyer(secret: Buffer): BulkKeyer {
  const h = new HmacSha256(secret);
  return {
    pgnInto: (out, at, pgn) => pgnMessage(h, pgn).digestInto(out, at),
    loginInto(out, at, keyBytes, brin, birthDate, nameVariants) {
      const start = loginStart(h, brin, birthDate).length; // the common start is written once per student
      for (const v of nameVariants) {
        h.truncate(start).str(v).digestInto(out, at, keyBytes);
        at += keyBytes;
      }
    },
    initialInto: (out, at, brin, pgnKey, initial) => initialMessage(h, brin, pgnKey, initial).digestInto(out, at),
  };
}

/** `$JOBMONITOR_SECRET`, else `<dataDir>/secret.key`, created (mode 0600) on first use. */
export function loadSecret(dataDir: string, env: NodeJS.ProcessEnv = process.env): Buffer {
  const fromEnv = env.JOBMONITOR_SECRET;
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error('JOBMONITOR_SECRET must be at least 32 characters');
    return Buffer.from(fromEnv, 'utf8');
  }
  const file = join(dataDir, 'secret.key');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
  }
  const hex = readFileSync(file, 'utf8').trim();
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error(`${file} does not hold a 64-character hex secret`);
  return Buffer.from(hex, 'hex');
}

export const sha256 = (s: string): Buffer => createHash('sha256').update(s).digest();
