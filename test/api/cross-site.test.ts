// Cross-site request forgery on the student API: a page of another site (or another port of this host) cannot
// submit a student's survey, save answers or log them out, with a form, a no-cors fetch or a JSON fetch.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import request from 'supertest';
import { createTestApp, student, type TestApp } from '../support/test-app.ts';

let t: TestApp;
beforeEach(() => {
  t = createTestApp({ population: [student({ achternaam: 'Visser', geboortedatum: '2005-03-09' })] });
});
afterEach(() => t.close());

async function loggedIn() {
  const agent = request.agent(t.app);
  await agent.post('/api/login').send({ brin: '25PZ', surname: 'Visser', birthDate: '09-03-2005' }).expect(200);
  return agent;
}
const status = () => t.db.prepare('SELECT status FROM responses').pluck().get();

describe('state-changing requests from elsewhere are refused and change nothing', () => {
  it.each([
    ['a form post (text/plain) from a page on another port of this host', { 'Content-Type': 'text/plain', Origin: 'http://127.0.0.1:9999', 'Sec-Fetch-Site': 'same-site' }],
    ['a form post without any origin headers, as an old browser sends it', { 'Content-Type': 'application/x-www-form-urlencoded' }],
    ['a no-cors fetch without a body', {}],
    ['a JSON fetch from another site', { 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'cross-site', Origin: 'https://evil.example' }],
    ['a JSON request whose Origin is another site (no Sec-Fetch-Site)', { 'Content-Type': 'application/json', Origin: 'https://evil.example' }],
  ] as [string, Record<string, string>][])('submit: %s', async (_name, headers) => {
    const agent = await loggedIn();
    const res = await agent.post('/api/survey/submit').set(headers).send(headers['Content-Type'] === 'application/json' ? '{}' : 'x=1').expect(403);
    expect(res.body.error.code).toBe('cross_site');
    expect(status()).toBe('in_progress');
  });

  it('a cross-site form to log out leaves the student logged in', async () => {
    const agent = await loggedIn();
    await agent.post('/api/logout').set({ 'Content-Type': 'application/x-www-form-urlencoded', 'Sec-Fetch-Site': 'cross-site' }).send('a=1').expect(403);
    await agent.get('/api/survey').expect(200);
  });

  it('an answer save sent as text/plain stores nothing', async () => {
    const agent = await loggedIn();
    await agent.put('/api/survey/answers').set('Content-Type', 'text/plain').send(JSON.stringify({ answers: [{ questionId: 'leerjaar', value: 'j1', seq: 1 }] })).expect(403);
    expect(t.db.prepare('SELECT count(*) FROM answers').pluck().get()).toBe(0);
  });

  it('the staff API refuses the same', async () => {
    const res = await request(t.app).post('/api/staff/login').set({ 'Content-Type': 'text/plain', 'Sec-Fetch-Site': 'cross-site' }).send('x').expect(403);
    expect(res.body.error.code).toBe('cross_site');
  });
});

describe('the app itself still works', () => {
  it('accepts JSON from this very origin, with or without the browser saying so', async () => {
    const agent = await loggedIn();
    await agent.put('/api/survey/answers').set({ 'Sec-Fetch-Site': 'same-origin' }).send({ answers: [{ questionId: 'leerjaar', value: 'j1', seq: 1 }] }).expect(200);
    const host = '127.0.0.1:3000';
    await agent.post('/api/survey/submit').set({ Host: host, Origin: `http://${host}`, 'Content-Type': 'application/json' }).expect(200);
    expect(status()).toBe('completed');
  });

  it('reads with GET from anywhere the cookie goes (reads change nothing)', async () => {
    const agent = await loggedIn();
    await agent.get('/api/survey').set('Sec-Fetch-Site', 'cross-site').expect(200);
  });
});
