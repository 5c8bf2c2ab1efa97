// Security properties of the student side in one place: routes are case-sensitive (no way around the API headers),
// security headers on pages, API and assets (HSTS behind https), a student can read and write only their own
// response, a completed response cannot change, and names that look like spreadsheet formulas are kept as text.
// (CSRF: cross-site.test.ts; session fixation and cookie flags: sessions.test.ts; login limits: login-limits.test.ts;
// request size limits and random input: test/faults/hostile-api.test.ts.)
import { afterEach, describe, expect, it } from 'vitest';
import request from 'supertest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, student, type TestApp } from '../support/test-app.ts';
import { importer } from '../support/label-import.ts';
import { HEADER, labelRow } from '../support/label-files.ts';
import { formatReport } from '../../server/services/labels/report-text.ts';

let t: TestApp;
let clientDir: string | undefined;
afterEach(() => {
  t.close();
  if (clientDir) rmSync(clientDir, { recursive: true, force: true });
  clientDir = undefined;
});

const anna = student({ achternaam: 'Visser', geboortedatum: '2005-03-09' });
const bram = student({ achternaam: 'Bakker', geboortedatum: '2004-04-04' });
const login = (agent: ReturnType<typeof request.agent>, who: 'anna' | 'bram') =>
  agent.post('/api/login').send(who === 'anna' ? { brin: '25PZ', surname: 'Visser', birthDate: '09-03-2005' } : { brin: '25PZ', surname: 'Bakker', birthDate: '04-04-2004' }).expect(200);

/** A built client of two files, as vite writes it. */
function fakeClient(): string {
  const dir = mkdtempSync(join(tmpdir(), 'jm-client-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>JOB-monitor</title><script type="module" src="/assets/app-abc123.js"></script>');
  writeFileSync(join(dir, 'assets', 'app-abc123.js'), 'console.log(1)');
  return dir;
}

describe('routing', () => {
  it('/API/survey in capitals does not reach the API: no answers without the API headers', async () => {
    t = createTestApp({ population: [anna] });
    const agent = request.agent(t.app);
    await login(agent, 'anna');
    await agent.put('/api/survey/answers').send({ answers: [{ questionId: 'opmerkingen', value: 'geheim', seq: 1 }] }).expect(200);
    for (const path of ['/API/survey', '/Api/survey', '/api/Survey', '/api/survey/']) {
      const res = await agent.get(path);
      expect(res.status, path).toBe(404);
      expect(res.text).not.toContain('geheim');
    }
  });
});

describe('security headers', () => {
  it('on the API: no caching, no framing, no sniffing, no referrer; HSTS behind https', async () => {
    t = createTestApp({ population: [anna], config: { secureCookies: true } });
    const answers: [request.Response, string][] = [
      [await request(t.app).get('/api/institutions'), 'public, max-age=300'], // the public school list
      [await request(t.app).post('/api/login').send({}), 'no-store'],
      [await request(t.app).get('/api/nope'), 'no-store'],
    ];
    for (const [res, cache] of answers) {
      expect(res.headers['cache-control']).toBe(cache);
      expect(res.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    }
  });

  it('on pages and assets: a strict CSP with frame-ancestors none, nosniff, Referrer-Policy; HSTS only behind https', async () => {
    clientDir = fakeClient();
    for (const secure of [false, true]) {
      t = createTestApp({ population: [anna], config: { clientDir, secureCookies: secure } });
      for (const path of ['/', '/inloggen', '/vragenlijst/2024-2', '/assets/app-abc123.js']) {
        const res = await request(t.app).get(path).expect(200);
        const csp = String(res.headers['content-security-policy']);
        expect(csp, path).toContain("default-src 'self'");
        expect(csp).toContain("script-src 'self'");
        expect(csp).toContain("frame-ancestors 'none'");
        expect(csp).toContain("object-src 'none'");
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.headers['referrer-policy']).toBe('no-referrer');
        if (secure) expect(res.headers['strict-transport-security'], path).toMatch(/^max-age=\d+/);
        else expect(res.headers['strict-transport-security'], path).toBeUndefined();
      }
      t.close();
    }
    t = createTestApp();
  });
});

describe('a student reaches only their own response', () => {
  it('reads and writes only through their own session: another student\'s answers are never seen or changed', async () => {
    t = createTestApp({ population: [anna, bram] });
    const a = request.agent(t.app);
    const b = request.agent(t.app);
    await login(a, 'anna');
    await login(b, 'bram');
    await a.put('/api/survey/answers').send({ answers: [{ questionId: 'opmerkingen', value: 'van Anna', seq: 5 }] }).expect(200);
    await b.put('/api/survey/answers').send({ answers: [{ questionId: 'opmerkingen', value: 'van Bram', seq: 1 }] }).expect(200);
    expect((await a.get('/api/survey').expect(200)).body.answers.opmerkingen.value).toBe('van Anna');
    expect((await b.get('/api/survey').expect(200)).body.answers.opmerkingen.value).toBe('van Bram');
    // Nothing in a request names a response: ids or refs sent along are refused, not followed.
    const annaRef = (await a.get('/api/survey')).body.ref as string;
    await b.put('/api/survey/answers').send({ ref: annaRef, responseId: 1, answers: [{ questionId: 'opmerkingen', value: 'x', seq: 9 }] }).expect(400);
    await b.get('/api/survey?responseId=1').expect(200).then((r) => expect(r.body.answers.opmerkingen.value).toBe('van Bram'));
    expect(t.db.prepare("SELECT value FROM answers WHERE question_id = 'opmerkingen' ORDER BY response_id").pluck().all()).toEqual(['"van Anna"', '"van Bram"']);
  });
});

describe('a completed response cannot change', () => {
  it('answers, page, events and a second submit are refused with 409 and change nothing', async () => {
    t = createTestApp({ population: [anna] });
    const a = request.agent(t.app);
    await login(a, 'anna');
    await a.put('/api/survey/answers').send({ answers: [{ questionId: 'opmerkingen', value: 'eerst', seq: 1 }] }).expect(200);
    await a.post('/api/survey/submit').set('Content-Type', 'application/json').expect(200);
    const snapshot = () => JSON.stringify([t.db.prepare('SELECT * FROM answers').all(), t.db.prepare('SELECT * FROM responses').all(), t.db.prepare('SELECT count(*) FROM timing_batches').pluck().get()]);
    const before = snapshot();
    await a.put('/api/survey/answers').send({ answers: [{ questionId: 'opmerkingen', value: 'later', seq: 2 }] }).expect(409);
    await a.put('/api/survey/answers').send({ answers: [], events: [{ id: 'x:1', type: 'hidden', at: '2024-01-20T10:00:00Z' }] }).expect(409);
    await a.put('/api/survey/page').send({ pageId: 'opleiding' }).expect(409);
    await a.post('/api/survey/submit').set('Content-Type', 'application/json').expect(409);
    expect(snapshot()).toBe(before);
  });
});

describe('names that look like spreadsheet formulas', () => {
  // The rule for every CSV or spreadsheet output (the exports come with reporting): a text starting with = + - @
  // (or a tab or carriage return) is written with a leading apostrophe, so a spreadsheet shows it and never runs it.
  // The outputs of today are JSON, HTML and the terminal report: the text is kept exactly and only escaped there.
  it('are kept as typed in the database, the school list (JSON) and the label report', async () => {
    const names = ['=HYPERLINK("http://evil.example","klik")', '+31 ROC', '-ROC Min', '@ROC'];
    const klant = student({ brin: '25PZ', instellingsnaam: names[0] });
    t = createTestApp({ population: [klant, student({ brin: '26AB', instellingsnaam: names[1] })] });
    const list = (await request(t.app).get('/api/institutions').expect(200)).body as { brin: string; name: string }[];
    expect(list).toEqual(expect.arrayContaining([{ brin: '25PZ', name: names[0] }, { brin: '26AB', name: names[1] }]));
    const r = await importer(t).xlsx('25PZ_Jobmonitor_20231115.xlsx', [HEADER, labelRow({ pgn: klant.pgn, instelling: names[0], respons: [names[2]!, names[3]!, '=1+1'] })]);
    expect(r.accepted).toBe(true);
    expect(t.repos.labels.labelsFor(r.labelFile!.id, t.keyer.pgn(klant.pgn))!.respons).toEqual([names[2], names[3], '=1+1']);
    expect(formatReport(r)).toContain(`(${names[0]})`);
  });
});
