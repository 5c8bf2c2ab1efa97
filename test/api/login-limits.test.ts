// Brute-force limits: per school + surname with a growing delay, a generous per-IP limit, 429 with a clear
// message, expiry on the injectable clock, and every lockout counted.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import request from 'supertest';
import { createTestApp, student, type TestApp } from '../support/test-app.ts';
import { DEFAULT_THROTTLE } from '../../server/services/login/throttle.ts';
import { makeBsn } from '../../server/services/population/pgn.ts';

let t: TestApp;
const anna = student({ achternaam: 'Berg', tussenvoegsel: 'van der', geboortedatum: '2005-03-09' });
/** Two letters per index: digits do not count in a surname, letters do. */
const tag = (i: number) => String.fromCharCode(97 + (i % 26), 97 + Math.floor(i / 26));
const klas = Array.from({ length: 40 }, (_, i) => student({ pgn: makeBsn(500000000 + i * 1000), achternaam: `Klasgenoot${tag(i)}`, geboortedatum: '2006-06-06' }));
const annaLogin = { brin: '25PZ', surname: 'van der Berg', birthDate: '09-03-2005' };
const minutes = (n: number) => (t.clock.now = new Date(t.clock.now.getTime() + n * 60_000));
const LIMIT = DEFAULT_THROTTLE.targetFailures;

beforeEach(() => {
  t = createTestApp({ population: [anna, ...klas], config: { trustProxy: ['loopback'], loginThrottle: { ...DEFAULT_THROTTLE, ipFailures: 30 } } });
});
afterEach(() => t.close());

const post = (body: object, ip = '10.0.0.1') => request(t.app).post('/api/login').set('X-Forwarded-For', ip).send(body);
const guess = (day: number, ip?: string) => post({ ...annaLogin, birthDate: `${String(day).padStart(2, '0')}-01-2005` }, ip);

describe('per school + surname', () => {
  it(`locks after ${LIMIT} failures, also for the right birth date, with a clear 429 in Dutch and English`, async () => {
    for (let d = 1; d <= LIMIT; d++) await guess(d).expect(401);
    const res = await post(annaLogin).expect(429);
    expect(res.body.error).toMatchObject({ code: 'login_locked', message: 'Te veel mislukte pogingen. Probeer het over 1 minuut opnieuw.' });
    expect(res.headers['retry-after']).toBe('60');
    const en = await post(annaLogin).set('Accept-Language', 'en').expect(429);
    expect(en.body.error.message).toBe('Too many failed attempts. Please try again in 1 minute.');
    // Every way of writing the same surname is the same target.
    await post({ ...annaLogin, surname: 'Berg, van der' }).expect(429);
  });

  it('lets the lock expire, then doubles the delay on each further failure', async () => {
    for (let d = 1; d <= LIMIT; d++) await guess(d).expect(401);
    await post(annaLogin).expect(429);
    minutes(1);
    await guess(20).expect(401); // failure 11 within the window: 2 minutes
    expect((await post(annaLogin).expect(429)).headers['retry-after']).toBe('120');
    minutes(2);
    await guess(21).expect(401); // failure 12: 4 minutes
    minutes(3);
    await post(annaLogin).expect(429);
    minutes(1);
    await post(annaLogin).expect(200);
  });

  it('forgets failures after the 15-minute window', async () => {
    for (let d = 1; d < LIMIT; d++) await guess(d).expect(401);
    minutes(16);
    for (let d = 1; d < LIMIT; d++) await guess(d).expect(401); // would be locked if the old ones still counted
    await post(annaLogin).expect(200);
  });

  it('locks a surname nobody has exactly like one that exists (no enumeration through the lock)', async () => {
    const nobody = { brin: '25PZ', surname: 'Niemand', birthDate: '01-01-2005' };
    for (let d = 1; d <= LIMIT; d++) {
      await guess(d).expect(401);
      await post({ ...nobody, birthDate: `${String(d).padStart(2, '0')}-02-2005` }).expect(401);
    }
    const a = await post(annaLogin).expect(429);
    const b = await post(nobody).expect(429);
    expect(a.body).toEqual(b.body);
  });

  it('does not lock classmates: other surnames at the same school and from the same IP still log in', async () => {
    for (let d = 1; d <= LIMIT; d++) await guess(d).expect(401);
    for (const s of klas.slice(0, 10)) await post({ brin: '25PZ', surname: s.achternaam, birthDate: '06-06-2006' }).expect(200);
  });
});

describe('per IP address', () => {
  it('lets a whole class behind one address log in, typos included', async () => {
    for (const s of klas) {
      await post({ brin: '25PZ', surname: s.achternaam, birthDate: '07-06-2006' }).expect(401); // a typo first
      expect((await post({ brin: '25PZ', surname: s.achternaam, birthDate: '06-06-2006' }).expect(200)).body).toEqual({ status: 'ok' });
      if (klas.indexOf(s) === 25) minutes(16); // a second class, after the first one's window
    }
  });

  it('locks an address after its (generous) number of failures, for other addresses nothing changes', async () => {
    for (let i = 0; i < 30; i++) await post({ brin: '25PZ', surname: `Gok${tag(i)}`, birthDate: '01-01-2005' }, '10.0.0.9').expect(401);
    const res = await post(annaLogin, '10.0.0.9').expect(429);
    expect(Number(res.headers['retry-after'])).toBe(15 * 60);
    await post(annaLogin, '10.0.0.10').expect(200);
    minutes(15);
    await post(annaLogin, '10.0.0.9').expect(200);
  });
});

describe('counting', () => {
  it('counts each outcome per institution per day, lockouts included', async () => {
    for (let d = 1; d <= LIMIT; d++) await guess(d).expect(401);
    await post(annaLogin).expect(429);
    await post(annaLogin).expect(429);
    await post({ brin: '25PZ', surname: klas[0]!.achternaam, birthDate: '06-06-2006' }).expect(200);
    await post({ brin: '99ZZ', surname: 'Onbekend', birthDate: '01-01-2005' }).expect(401); // no such institution: not counted
    t.clock.now = new Date('2024-01-20T23:30:00Z'); // already 21 January in the Netherlands
    minutes(0);
    await post({ brin: '25PZ', surname: klas[1]!.achternaam, birthDate: '06-06-2006' }).expect(200);
    expect(t.repos.loginOutcomes.perDay('25PZ', '2024-01-01', '2024-01-31')).toEqual([
      { day: '2024-01-20', success: 1, not_found: LIMIT, ambiguous: 0, locked: 2, completed: 0 },
      { day: '2024-01-21', success: 1, not_found: 0, ambiguous: 0, locked: 0, completed: 0 },
    ]);
    expect(t.db.prepare('SELECT count(*) FROM login_outcomes WHERE brin = ?').pluck().get('99ZZ')).toBe(0);
  });
});

describe('namesakes and the limits', () => {
  // Changed with the server reshaping: a twin question ("ambiguous") is no longer a failure, and failures are
  // limited per student (school + surname + birth date) strictly and per surname more loosely.
  const twins = [student({ achternaam: 'Tweeling', geboortedatum: '2005-05-05', geslacht: 'M' }), student({ achternaam: 'Tweeling', geboortedatum: '2005-05-05', geslacht: 'V' })];
  const vries = Array.from({ length: 6 }, (_, i) => student({ pgn: makeBsn(600000000 + i * 1000), achternaam: 'Vries', tussenvoegsel: 'de', geboortedatum: `2006-0${i + 1}-1${i}` }));
  const typed = (s: (typeof vries)[number]) => ({ brin: '25PZ', surname: 'de Vries', birthDate: s.geboortedatum.split('-').reverse().join('-') });
  let n: TestApp;
  beforeEach(() => {
    n = createTestApp({ population: [...twins, ...vries] });
  });
  afterEach(() => n.close());
  const send = (body: object) => request(n.app).post('/api/login').send(body);

  it('twins logging in again and again, and five classmates of one surname mistyping their dates, lock out nobody who types their own data right', async () => {
    const twinLogin = { brin: '25PZ', surname: 'Tweeling', birthDate: '05-05-2005' };
    for (let round = 0; round < 6; round++) {
      expect((await send(twinLogin).expect(200)).body).toEqual({ status: 'ambiguous', ask: 'gender' });
      expect((await send({ ...twinLogin, gender: round % 2 ? 'man' : 'vrouw' }).expect(200)).body).toEqual({ status: 'ok' });
    }
    // Within a minute, five of the six mistype their birth date twice each (a day off, then a month off).
    for (const s of vries.slice(0, 5)) {
      const [y, m, d] = s.geboortedatum.split('-');
      await send({ ...typed(s), birthDate: `${Number(d) + 1}-${m}-${y}` }).expect(401);
      await send({ ...typed(s), birthDate: `${d}-${Number(m) + 6}-${y}` }).expect(401);
    }
    for (const s of vries) expect((await send(typed(s)).expect(200)).body).toEqual({ status: 'ok' });
    expect((await send({ ...twinLogin, gender: 'man' }).expect(200)).body).toEqual({ status: 'ok' });
  });

  it('locks one exact login after a few failures, and only that one', async () => {
    const wrong = { brin: '25PZ', surname: 'de Vries', birthDate: '01-01-2005' };
    for (let i = 0; i < DEFAULT_THROTTLE.studentFailures; i++) await send(wrong).expect(401);
    await send(wrong).expect(429);
    await send(typed(vries[0]!)).expect(200);
  });

  it('keeps guessing birth dates for a surname slow: after the surname limit even the right date waits, and each failure doubles it', async () => {
    for (let d = 1; d <= LIMIT; d++) await send({ brin: '25PZ', surname: 'de Vries', birthDate: `${String(d).padStart(2, '0')}-01-2005` }).expect(401);
    expect((await send(typed(vries[0]!)).expect(429)).headers['retry-after']).toBe('60');
  });
});
