// The student API on a real temporary SQLite file: login, answers, page position, submit.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import request from 'supertest';
import { createTestApp, student, type TestApp } from '../support/test-app.ts';

let t: TestApp;
const anna = student({ achternaam: 'Berg', tussenvoegsel: 'van der', geboortedatum: '2005-03-09', geslacht: 'V' });
const bo = student({ achternaam: 'Jansen', geboortedatum: '2004-11-30', leerweg: 'BBL', niveau: 2 });
const login = { brin: '25PZ', surname: 'van der Berg', birthDate: '09-03-2005' };

beforeEach(() => {
  t = createTestApp({ population: [anna, bo] });
});
afterEach(() => t.close());

async function loggedIn() {
  const agent = request.agent(t.app);
  const res = await agent.post('/api/login').send(login).expect(200);
  expect(res.body).toEqual({ status: 'ok' });
  return agent;
}

const answerCount = () => (t.db.prepare('SELECT count(*) AS n FROM answers').get() as { n: number }).n;

describe('login', () => {
  it('logs a student in with an httpOnly, SameSite=Lax session cookie', async () => {
    const res = await request(t.app).post('/api/login').send(login).expect(200);
    const cookie = String(res.headers['set-cookie'] ?? '');
    expect(cookie).toMatch(/^jm_session=[\w-]{20,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
  });

  it('refuses unknown students with one message for any wrong field', async () => {
    const wrongName = await request(t.app).post('/api/login').send({ ...login, surname: 'Bergen' }).expect(401);
    const wrongDate = await request(t.app).post('/api/login').send({ ...login, birthDate: '10-03-2005' }).expect(401);
    const wrongSchool = await request(t.app).post('/api/login').send({ ...login, brin: '30XX' }).expect(401);
    expect(wrongName.body).toEqual(wrongDate.body);
    expect(wrongName.body).toEqual(wrongSchool.body);
    expect(wrongName.body.error.code).toBe('login_failed');
    expect(String(wrongName.headers['set-cookie'] ?? '')).not.toMatch(/jm_session=[\w-]/);
  });

  it('answers in English when asked', async () => {
    const res = await request(t.app).post('/api/login').set('Accept-Language', 'en').send({ ...login, surname: 'X' }).expect(401);
    expect(res.body.error.message).toBe('We cannot find you with these details.');
  });

  it.each([
    [{ ...login, birthDate: '31-02-2005' }],
    [{ ...login, birthDate: '2005-03-09' }],
    [{ ...login, brin: '25pz' }],
    [{ ...login, surname: '' }],
    [{ ...login, extra: 1 }],
    [{ brin: '25PZ' }],
  ])('rejects a malformed login with 400: %j', async (body) => {
    const res = await request(t.app).post('/api/login').send(body).expect(400);
    expect(res.body.error.code).toBe('invalid_input');
  });

  it('needs a session for the survey', async () => {
    const res = await request(t.app).get('/api/survey').expect(401);
    expect(res.body.error.code).toBe('no_session');
  });
});

describe('answering and submitting', () => {
  it('serves the questionnaire version and the routing context', async () => {
    const agent = await loggedIn();
    const res = await agent.get('/api/survey').expect(200);
    expect(res.body.questionnaire.id).toMatch(/^\d{4}-\d+$/);
    expect(res.body.institution).toEqual({ brin: '25PZ', name: 'ROC Testland' });
    expect(res.body.context).toEqual({ leerweg: 'BOL', niveau: 4 });
    expect(res.body.answers).toEqual({});
    const row = t.db.prepare('SELECT questionnaire_version AS v FROM responses').get() as { v: string };
    expect(row.v).toBe(res.body.questionnaire.id);
  });

  it('stores answers; an older sequence number never overwrites a newer answer', async () => {
    const agent = await loggedIn();
    await agent.put('/api/survey/answers').send({ answers: [{ questionId: 'leerjaar', value: 'j2', seq: 10 }] }).expect(200);
    const stale = await agent.put('/api/survey/answers').send({ answers: [{ questionId: 'leerjaar', value: 'j1', seq: 5 }] }).expect(200);
    expect(stale.body.acknowledged).toEqual([{ questionId: 'leerjaar', seq: 5 }]);
    await agent.put('/api/survey/answers').send({ answers: [{ questionId: 'opleiding_oordeel', value: { algemeen: 4 }, seq: 11 }] }).expect(200);
    const res = await agent.get('/api/survey').expect(200);
    expect(res.body.answers).toEqual({ leerjaar: { value: 'j2', seq: 10 }, opleiding_oordeel: { value: { algemeen: 4 }, seq: 11 } });
  });

  it('rejects a request with one invalid answer and stores none of it', async () => {
    const agent = await loggedIn();
    const res = await agent
      .put('/api/survey/answers')
      .send({ answers: [{ questionId: 'leerjaar', value: 'j2', seq: 1 }, { questionId: 'cijfer_opleiding', value: 11, seq: 2 }] })
      .expect(400);
    expect(res.body.error.details).toEqual([expect.stringContaining('cijfer_opleiding')]);
    expect(answerCount()).toBe(0);
  });

  it.each([
    [{ answers: [] }],
    [{ answers: [{ questionId: 'leerjaar', value: 'j2' }] }],
    [{ answers: [{ questionId: 'leerjaar', value: 'j2', seq: -1 }] }],
    [{ answers: [{ questionId: 'onbekend', value: 1, seq: 1 }] }],
    [{ answers: Array.from({ length: 201 }, (_, i) => ({ questionId: 'leerjaar', value: 'j1', seq: i + 1 })) }],
    ['not json at all'],
  ])('rejects an invalid payload with 400 and stores nothing: %#', async (body) => {
    const agent = await loggedIn();
    const req = agent.put('/api/survey/answers');
    const res = typeof body === 'string' ? await req.set('Content-Type', 'application/json').send(body) : await req.send(body);
    expect(res.status).toBe(400);
    expect(answerCount()).toBe(0);
  });

  it('refuses a body over the size limit with 413', async () => {
    const agent = await loggedIn();
    const res = await agent.put('/api/survey/answers').send({ answers: [{ questionId: 'opmerkingen', value: 'x'.repeat(70_000), seq: 1 }] });
    expect(res.status).toBe(413);
    expect(answerCount()).toBe(0);
  });

  it('remembers the page, and resumes it with the answers from a second device', async () => {
    const agent = await loggedIn();
    await agent.put('/api/survey/page').send({ pageId: 'lessen' }).expect(204);
    await agent.put('/api/survey/page').send({ pageId: 'nergens' }).expect(400);
    await agent.put('/api/survey/answers').send({ answers: [{ questionId: 'lesuren', value: 20, seq: 3 }] }).expect(200);
    const other = await loggedIn();
    const res = await other.get('/api/survey').expect(200);
    expect(res.body.currentPage).toBe('lessen');
    expect(res.body.answers.lesuren).toEqual({ value: 20, seq: 3 });
  });

  it('submits once; a second submit is refused with a clear error; a new login says already completed', async () => {
    const agent = await loggedIn();
    await agent.put('/api/survey/answers').send({ answers: [{ questionId: 'leerjaar', value: 'j3', seq: 1 }] }).expect(200);
    const first = await agent.post('/api/survey/submit').set('Content-Type', 'application/json').expect(200);
    const second = await agent.post('/api/survey/submit').set('Content-Type', 'application/json').expect(409);
    expect(second.body.error).toEqual({
      code: 'already_completed',
      message: 'Je hebt de vragenlijst al ingevuld.',
      details: { completedAt: first.body.completedAt },
    });
    await agent.put('/api/survey/answers').send({ answers: [{ questionId: 'leerjaar', value: 'j1', seq: 2 }] }).expect(409);
    const again = await request(t.app).post('/api/login').send(login).expect(200);
    expect(again.body).toEqual({ status: 'completed', completedAt: first.body.completedAt });
    expect(String(again.headers['set-cookie'] ?? '')).not.toMatch(/jm_session=[\w-]/);
  });

  it('ends the session on logout', async () => {
    const agent = await loggedIn();
    await agent.post('/api/logout').set('Content-Type', 'application/json').expect(204);
    await agent.get('/api/survey').expect(401);
  });

  it('expires a session after inactivity', async () => {
    const agent = await loggedIn();
    t.clock.now = new Date(t.clock.now.getTime() + (t.config.sessionIdleMinutes + 1) * 60_000);
    await agent.get('/api/survey').expect(401);
  });

  it('checks the session of an answer save inside the save: none, expired, and kept alive', async () => {
    const body = { answers: [], events: [{ id: 'x:1', type: 'hidden', at: '2024-01-20T10:00:00Z' }] };
    const none = await request(t.app).put('/api/survey/answers').send(body).expect(401);
    expect(none.body.error.code).toBe('no_session');
    const agent = await loggedIn();
    // Saves 50 minutes apart keep an idle limit of 60 minutes from running out.
    for (let i = 0; i < 3; i++) {
      t.clock.now = new Date(t.clock.now.getTime() + 50 * 60_000);
      await agent.put('/api/survey/answers').send({ ...body, events: [{ ...body.events[0], id: `x:${i + 2}` }] }).expect(200);
    }
    t.clock.now = new Date(t.clock.now.getTime() + (t.config.sessionIdleMinutes + 1) * 60_000);
    const expired = await agent.put('/api/survey/answers').send(body).expect(401);
    expect(expired.body.error.code).toBe('no_session');
    expect(String(expired.headers['set-cookie'] ?? '')).toMatch(/jm_session=;/);
  });

  it('rejects an answer save that is not JSON with 400, in the student\'s language', async () => {
    const agent = await loggedIn();
    const res = await agent.put('/api/survey/answers').set('Content-Type', 'application/json').set('Accept-Language', 'en').send('{"answers": [').expect(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_input', message: 'The input is not valid.' });
  });
});

describe('labels', () => {
  it('tags a new response with the current label file, or leaves it "zonder label"', async () => {
    t.repos.labels.addFile(
      { brin: '25PZ', fileName: '25PZ_Jobmonitor_20240110.xlsx', fileDate: '20240110', receivedAt: '2024-01-10T09:00:00Z' },
      [{ pgnKey: t.keyer.pgn(anna.pgn), bedrijfsgroep: null, respons: ['Centrum', 'Zorg', '1A'], analyse: ['Centrum', 'Sector Zorg', 'Team 1'] }],
    );
    await loggedIn();
    await request(t.app).post('/api/login').send({ brin: '25PZ', surname: 'Jansen', birthDate: '30-11-2004' }).expect(200);
    const rows = t.db.prepare('SELECT respons_1, respons_3, analyse_2, label_file_id IS NOT NULL AS tagged, leerweg FROM responses ORDER BY id').all();
    expect(rows).toEqual([
      { respons_1: 'Centrum', respons_3: '1A', analyse_2: 'Sector Zorg', tagged: 1, leerweg: 'BOL' },
      { respons_1: null, respons_3: null, analyse_2: null, tagged: 1, leerweg: 'BBL' },
    ]);
  });
});

describe('server basics', () => {
  it('answers health and sets the security headers of an API', async () => {
    const res = await request(t.app).get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'ok' });
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['etag']).toBeUndefined();
  });

  it('gives pages the full security headers', async () => {
    const res = await request(t.app).get('/vragenlijst/2024-1').expect(200);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('gives unknown API routes a JSON 404', async () => {
    const res = await request(t.app).get('/api/nope').expect(404);
    expect(res.body.error.code).toBe('not_found');
  });
});
