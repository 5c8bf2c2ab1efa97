// The hand-written HMAC-SHA256 must give createHmac's bytes exactly: every message length around the block
// and padding boundaries, UTF-8 and raw bytes, short and long (hashed first) keys.
import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { HmacSha256 } from '../../server/services/hmac-sha256.ts';
import { createBulkKeyer, createKeyer } from '../../server/services/keys.ts';

describe('HmacSha256', () => {
  it.each([1, 16, 32, 64, 65, 100])('equals createHmac for every message length 0-300 with a %i-byte key', (keyLength) => {
    const key = randomBytes(keyLength);
    const h = new HmacSha256(key);
    for (let length = 0; length <= 300; length++) {
      const message = randomBytes(length);
      expect(h.begin('').bytes(message).digest().toString('hex'), `length ${length}`).toBe(createHmac('sha256', key).update(message).digest('hex'));
    }
  });

  it('encodes strings as UTF-8, also after ASCII and mixed with bytes', () => {
    const key = randomBytes(32);
    const h = new HmacSha256(key);
    const pgnKey = randomBytes(32);
    for (const s of ['', 'berg', 'çelik', 'Nguyễn', 'a\u001fé\u001f😀', 'x'.repeat(500) + 'ø']) {
      const expected = createHmac('sha256', key).update('dom').update(s).update(pgnKey).update(s).digest();
      expect(h.begin('dom').str(s).bytes(pgnKey).str(s).digest().equals(expected), s).toBe(true);
    }
  });

  it('writes into a buffer at an offset', () => {
    const key = randomBytes(32);
    const out = Buffer.alloc(80, 0xaa);
    new HmacSha256(key).begin('abc').digestInto(out, 40);
    expect(out.subarray(40, 72).equals(createHmac('sha256', key).update('abc').digest())).toBe(true);
    expect(out.subarray(0, 40).every((b) => b === 0xaa) && out.subarray(72).every((b) => b === 0xaa)).toBe(true);
  });
});

describe('bulk keyer', () => {
  it('writes the same keys as the keyer the login uses', () => {
    const secret = randomBytes(32);
    const keyer = createKeyer(secret);
    const bulk = createBulkKeyer(secret);
    const out = Buffer.alloc(112);
    bulk.pgnInto(out, 0, '123456782');
    bulk.initialInto(out, 32, '25PZ', keyer.pgn('123456782'), 'Ö');
    bulk.loginInto(out, 64, 16, '25PZ', '2005-03-04', ['çelik', 'berg', 'vanderberg']);
    expect(out.subarray(0, 32).equals(keyer.pgn('123456782'))).toBe(true);
    expect(out.subarray(32, 64).equals(keyer.initial('25PZ', keyer.pgn('123456782'), 'ö'))).toBe(true);
    expect(out.subarray(64, 80).equals(keyer.login('25PZ', '2005-03-04', 'çelik').subarray(0, 16))).toBe(true);
    expect(out.subarray(80, 96).equals(keyer.login('25PZ', '2005-03-04', 'berg').subarray(0, 16))).toBe(true);
    expect(out.subarray(96, 112).equals(keyer.login('25PZ', '2005-03-04', 'vanderberg').subarray(0, 16))).toBe(true);
  });
});
