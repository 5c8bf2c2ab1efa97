// Keyed hashes (HMAC-SHA256, node:crypto) that stand in for personal data: the PGN pseudonym, the login keys,
// the twins' initial keys and the login limits' targets. The secret lives outside the database, so a copy of
// the database alone cannot be matched to people.
import { createHmac, createSecretKey, hash, randomBytes, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Keyer {
  pgn(pgn: string): Buffer;
  login(brin: string, birthDate: string, nameVariant: string): Buffer;
  initial(brin: string, pgnKey: Uint8Array, initial: string): Buffer;
  /** The login limits' target per school + typed surname, so the limiter never holds a name (per student it is the login key). */
  throttle(brin: string, nameVariant: string): Buffer;
  /** The secret, for worker threads that key an import in parallel (each makes its own Keyer). */
  readonly secretForWorkers: () => Buffer;
}

// Every message is a domain word and its parts joined by U+001F: the stored keys depend on exactly this form.
const SEP = '\u001f';

export function createKeyer(secret: Buffer): Keyer {
  const key: KeyObject = createSecretKey(secret);
  // One update per key: each update() call costs about as much as hashing a short message.
  const mac = (...parts: string[]): Buffer => createHmac('sha256', key).update(parts.join(SEP)).digest();
  const macBytes = (head: string, bytes: Uint8Array, tail: string): Buffer =>
    createHmac('sha256', key).update(Buffer.concat([Buffer.from(head + SEP), bytes, Buffer.from(SEP + tail)])).digest();
  return {
    pgn: (pgn) => mac('pgn', pgn),
    login: (brin, birthDate, nameVariant) => mac('login', brin, birthDate, nameVariant),
    initial: (brin, pgnKey, initial) => macBytes(`initial${SEP}${brin}`, pgnKey, initial.toLowerCase()),
    throttle: (brin, nameVariant) => mac('throttle', brin, nameVariant),
    secretForWorkers: () => secret,
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

/** SHA-256 of a string (session tokens on every request): the one-shot `crypto.hash`, about 2 us against 5 for a Hash object. */
export const sha256 = (s: string): Buffer => hash('sha256', s, 'buffer');
