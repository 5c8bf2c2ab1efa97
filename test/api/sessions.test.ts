// Student sessions: a session in use never expires, however short the idle time; logging out ends every session
// of the response; logins cannot pile up sessions; a session id chosen by someone else is never adopted.
import { afterEach, describe, expect, it } from 'vitest';
import request from 'supertest';
import { createTestApp, student, type TestApp } from '../support/test-app.ts';
import { MAX_SESSIONS_PER_RESPONSE } from '../../server/services/login/sessions.ts';

let t: TestApp;
afterEach(() => t.close());
const login = { brin: '25PZ', surname: 'Visser', birthDate: '09-03-2005' };
const population = [student({ achternaam: 'Visser', geboortedatum: '2005-03-09' }), student({ achternaam: 'Bakker', geboortedatum: '2004-04-04' })];

async function loggedIn(body: object = login) {
  const agent = request.agent(t.app);
  await agent.post('/api/login').send(body).expect(200);
  return agent;
}
const seconds = (n: number) => (t.clock.now = new Date(t.clock.now.getTime() + n * 1000));
const save = (agent: ReturnType<typeof request.agent>, seq: number) =>
  agent.put('/api/survey/answers').send({ answers: [{ questionId: 'leerjaar', value: seq % 2 ? 'j1' : 'j2', seq }] });

describe('idle expiry', () => {
  it('with an idle time of 1 minute, a student who saves every 40 seconds stays logged in for 10 minutes', async () => {
    t = createTestApp({ population, config: { sessionIdleMinutes: 1 } });
    const agent = await loggedIn();
    for (let i = 1; i <= 15; i++) {
      seconds(40);
      await (i % 3 ? save(agent, i) : agent.get('/api/survey')).expect(200);
    }
  });

  it('still ends a session left alone for longer than the idle time', async () => {
    t = createTestApp({ population, config: { sessionIdleMinutes: 1 } });
    const agent = await loggedIn();
    seconds(40);
    await agent.get('/api/survey').expect(200);
    seconds(61);
    await agent.get('/api/survey').expect(401);
  });
});

describe('several sessions of one response', () => {
  it('a second device may answer at the same time (a login leaves the other session alone)', async () => {
    t = createTestApp({ population });
    const laptop = await loggedIn();
    const phone = await loggedIn();
    await save(laptop, 1).expect(200);
    await save(phone, 2).expect(200);
  });

  it('logging out on one device ends the sessions of that response on every device, and no one else\'s', async () => {
    t = createTestApp({ population });
    const older = await loggedIn();
    const newer = await loggedIn();
    const other = await loggedIn({ brin: '25PZ', surname: 'Bakker', birthDate: '04-04-2004' });
    await newer.post('/api/logout').set('Content-Type', 'application/json').expect(204);
    await older.get('/api/survey').expect(401);
    await newer.get('/api/survey').expect(401);
    await other.get('/api/survey').expect(200);
  });

  it(`keeps at most ${MAX_SESSIONS_PER_RESPONSE} sessions per response: the oldest go`, async () => {
    t = createTestApp({ population });
    const agents = [];
    for (let i = 0; i < MAX_SESSIONS_PER_RESPONSE + 3; i++) {
      agents.push(await loggedIn());
      seconds(1);
    }
    expect(t.db.prepare('SELECT count(*) FROM sessions').pluck().get()).toBe(MAX_SESSIONS_PER_RESPONSE);
    for (const [i, agent] of agents.entries()) await agent.get('/api/survey').expect(i < 3 ? 401 : 200);
  });

  it('a login always keeps its own session, even when every session of the response was made at the same instant', async () => {
    t = createTestApp({ population });
    // The clock stands still: created_at ties, and which of the older ones go is decided by their token hash.
    for (let i = 0; i < 3 * MAX_SESSIONS_PER_RESPONSE; i++) {
      const agent = await loggedIn();
      await agent.get('/api/survey').expect(200);
    }
    expect(t.db.prepare('SELECT count(*) FROM sessions').pluck().get()).toBe(MAX_SESSIONS_PER_RESPONSE);
  });
});

describe('session fixation and cookie flags', () => {
  it('a login never adopts a session id the browser already had: it sets a new random one', async () => {
    t = createTestApp({ population });
    const planted = 'attacker-chosen-session-id-0123456789';
    const res = await request(t.app).post('/api/login').set('Cookie', `jm_session=${planted}`).send(login).expect(200);
    const cookie = String(res.headers['set-cookie']);
    const token = /jm_session=([^;]+)/.exec(cookie)![1]!;
    expect(token).not.toBe(planted);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 random bytes
    await request(t.app).get('/api/survey').set('Cookie', `jm_session=${planted}`).expect(401);
    // Only a hash of the token is stored.
    const stored = t.db.prepare('SELECT token_hash FROM sessions').pluck().all() as Buffer[];
    expect(stored.some((h) => h.includes(Buffer.from(token)))).toBe(false);
  });

  it('the session cookie is HttpOnly, SameSite=Lax, only for /api, and Secure behind https', async () => {
    t = createTestApp({ population });
    const plain = String((await request(t.app).post('/api/login').send(login).expect(200)).headers['set-cookie']);
    expect(plain).toMatch(/HttpOnly/);
    expect(plain).toMatch(/SameSite=Lax/);
    expect(plain).toMatch(/Path=\/api(;|$)/);
    expect(plain).not.toMatch(/Secure/);
    t.close();
    t = createTestApp({ population, config: { secureCookies: true } });
    const secure = String((await request(t.app).post('/api/login').send(login).expect(200)).headers['set-cookie']);
    expect(secure).toMatch(/; Secure/);
    expect(secure).toMatch(/HttpOnly/);
  });
});
