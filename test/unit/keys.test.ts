// The keyer's output bytes are stored in every database: a faster mac() must give exactly the same keys.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createKeyer } from '../../server/services/common/keys.ts';

const secret = Buffer.from('0123456789abcdef0123456789abcdef', 'utf8');

/** HMAC-SHA256 of the domain and each part, separated by U+001F, computed the straightforward way. */
function reference(domain: string, ...parts: (string | Buffer)[]): Buffer {
  const h = createHmac('sha256', secret).update(domain);
  for (const p of parts) h.update('\u001f').update(p);
  return h.digest();
}

// HMAC-SHA256(secret, 'pgn' + U+001F + '123456782'), computed once with createHmac.
const PINNED_PGN = '758b7610835ed46e654b9b1f122ebcbb770d5a244d79a0ee7781c7f640282712';

describe('keyer', () => {
  const keyer = createKeyer(secret);
  const pgnKey = keyer.pgn('123456782');

  it('pins a known pgn key', () => {
    expect(pgnKey.toString('hex')).toBe(PINNED_PGN);
  });

  it('gives the same bytes as a plain HMAC over domain and parts', () => {
    expect(pgnKey.equals(reference('pgn', '123456782'))).toBe(true);
    expect(keyer.login('25PZ', '2005-03-04', 'vanderberg').equals(reference('login', '25PZ', '2005-03-04', 'vanderberg'))).toBe(true);
    expect(keyer.login('25PZ', '2005-03-04', 'çelik').equals(reference('login', '25PZ', '2005-03-04', 'çelik'))).toBe(true);
    expect(keyer.initial('25PZ', pgnKey, 'J').equals(reference('initial', '25PZ', pgnKey, 'j'))).toBe(true);
    expect(keyer.throttle('25PZ', 'berg').equals(reference('throttle', '25PZ', 'berg'))).toBe(true);
  });

  it('keeps the parts apart', () => {
    expect(keyer.login('25PZ', '2005-03-04', 'ab').equals(keyer.login('25PZ', '2005-03-04a', 'b'))).toBe(false);
  });
});
