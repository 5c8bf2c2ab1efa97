// Staff passwords: scrypt from node:crypto with OWASP's parameters (N = 2^17, r = 8, p = 1), a random 16-byte salt,
// stored as "scrypt$N$r$p$salt$hash" so a later change of parameters still verifies older hashes. scrypt runs
// in libuv's thread pool, off the event loop; N = 2^17 with r = 8 needs 128 MiB, above Node's default maxmem.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export const SCRYPT_PARAMS = { N: 2 ** 17, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const maxmemFor = (N: number, r: number) => 2 * 128 * N * r; // twice what scrypt needs

/** A chosen password must be at least this long (a generated one is longer). */
export const MIN_PASSWORD_LENGTH = 12;

const derive = (password: string, salt: Buffer, N: number, r: number, p: number) =>
  new Promise<Buffer>((ok, fail) => {
    const options: ScryptOptions = { N, r, p, maxmem: maxmemFor(N, r) };
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (err, key) => (err ? fail(err) : ok(key)));
  });

export async function hashPassword(password: string): Promise<string> {
  const { N, r, p } = SCRYPT_PARAMS;
  const salt = randomBytes(16);
  const key = await derive(password, salt, N, r, p);
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Whether `password` matches the stored hash; false for a hash this code cannot read. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  const [N, R, P] = [Number(n), Number(r), Number(p)];
  if (kind !== 'scrypt' || !salt || !hash || ![N, R, P].every((x) => Number.isInteger(x) && x > 0)) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), N, R, P);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A random password of 24 characters (144 bits), shown once. */
export const generatePassword = (): string => randomBytes(18).toString('base64url');
