// Keyed hashes (HMAC-SHA256) that stand in for personal data: the PGN pseudonym and the login keys.
// The secret lives outside the database, so a copy of the database alone cannot be matched to people.
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Keyer {
  pgn(pgn: string): Buffer;
  login(brin: string, birthDate: string, nameVariant: string): Buffer;
  initial(brin: string, pgnKey: Buffer, initial: string): Buffer;
  /** The brute-force limit's target (school + typed surname), so the limiter never holds a surname. */
  throttle(brin: string, nameVariant: string): Buffer;
}

const SEP = Buffer.from('\u001f');

export function createKeyer(secret: Buffer): Keyer {
  // One update() per key: the message is the domain and parts joined by U+001F, as a single buffer.
  // Each update() crosses into C++ and costs about as much as hashing a short message; at 600,000 students
  // (2.6 million keys) the former two update() calls per part took a third of the import's hashing time.
  const mac = (domain: string, ...parts: (string | Buffer)[]) => {
    let message: string | Buffer = domain;
    for (const p of parts) {
      message = typeof p === 'string' && typeof message === 'string'
        ? message + '\u001f' + p
        : Buffer.concat([Buffer.from(message), SEP, Buffer.from(p)]);
    }
    return createHmac('sha256', secret).update(message).digest();
  };
  return {
    pgn: (pgn) => mac('pgn', pgn),
    login: (brin, birthDate, nameVariant) => mac('login', brin, birthDate, nameVariant),
    initial: (brin, pgnKey, initial) => mac('initial', brin, pgnKey, initial.toLowerCase()),
    throttle: (brin, nameVariant) => mac('throttle', brin, nameVariant),
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
