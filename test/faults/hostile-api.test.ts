// Property-based tests (fast-check) on every student API input: random and malformed JSON, wrong types, huge
// strings, unknown question ids, answers outside the scale, invalid UTF-8 and lone surrogates, prototype-pollution
// keys, random cookies and query strings. Each answer is a 2xx or a 4xx, never a 5xx; a refused request changes
// nothing; what is stored is valid text for its question.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gzipSync } from 'node:zlib';
import request from 'supertest';
import { createTestApp, student, type TestApp } from '../support/test-app.ts';
import { checkAnswer, loadQuestionnaires } from '../../questionnaire/index.ts';

let t: TestApp;
let agent: ReturnType<typeof request.agent>;
const anna = student({ achternaam: 'Visser', geboortedatum: '2005-03-09' });
const RUNS = 100;

beforeAll(async () => {
  t = createTestApp({ population: [anna, student({ achternaam: 'Bakker' })] });
  agent = request.agent(t.app);
  await agent.post('/api/login').send({ brin: '25PZ', surname: 'Visser', birthDate: '09-03-2005' }).expect(200);
});
afterAll(() => t.close());

/** Everything a request could change, except the login counters (every login attempt is counted by design). */
const snapshot = () =>
  JSON.stringify({
    answers: t.db.prepare('SELECT response_id, question_id, value, seq, client_changed_at FROM answers ORDER BY 1, 2').all(),
    timing: t.db.prepare('SELECT response_id, offset_ms, events FROM timing_batches ORDER BY id').all(),
    responses: t.db.prepare('SELECT id, status, current_page, completed_at, timing_event_count FROM responses ORDER BY id').all(),
    sessions: t.db.prepare('SELECT count(*) FROM sessions').pluck().get(),
  });

const LONE_SURROGATE = /\p{Cs}/u;
const texts = (v: unknown): string[] =>
  typeof v === 'string' ? [v] : Array.isArray(v) ? v.flatMap(texts) : v !== null && typeof v === 'object' ? Object.values(v).flatMap(texts) : [];
/** Stored answers are JSON, where a lone surrogate is an escape: look at the texts of the value itself. */
const holdsLoneSurrogate = (json: string | null) => json !== null && texts(JSON.parse(json)).some((s) => LONE_SURROGATE.test(s));
const def = loadQuestionnaires().get('2024-2')!;
const questionIds = def.pages.flatMap((p) => p.questions.map((q) => q.id));
const pageIds = def.pages.map((p) => p.id);

// Text of every kind: any code unit (lone surrogates included), long, and names that pollute prototypes.
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('\ud800', 'a\udc00b', '__proto__', 'constructor', 'prototype', '', ' ', '=1+1', '<script>'),
  fc.integer({ min: 65, max: 5000 }).map((n) => 'x'.repeat(n)),
);
const scalar = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const json = fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 3 }), fc.dictionary(text, scalar, { maxKeys: 5 }));
const answer = fc.record(
  {
    questionId: fc.oneof(fc.constantFrom(...questionIds), text, scalar),
    value: fc.oneof(json, scalar, fc.constantFrom('j1', 'j9', 5, 11, 0, -1, 1.5, ['j1', 'j1'], { __proto__: { polluted: 1 } })),
    seq: fc.oneof(fc.integer({ min: 1, max: 1e9 }), scalar),
    changedAt: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), text),
  },
  { requiredKeys: [] },
);
const event = fc.record(
  {
    id: fc.oneof(fc.constantFrom('tab:1', 'tab:2', 'x'), text),
    type: fc.oneof(fc.constantFrom('page_shown', 'page_left', 'hidden', 'visible', 'answer'), text),
    target: fc.oneof(fc.constantFrom(...pageIds, ...questionIds, '#intro'), text),
    at: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), text),
  },
  { requiredKeys: [] },
);
const saveBody = fc.oneof(
  fc.record({ answers: fc.array(answer, { maxLength: 5 }), events: fc.array(event, { maxLength: 5 }), sentAt: fc.oneof(text, fc.date().map((d) => (Number.isNaN(d.getTime()) ? 'x' : d.toISOString()))) }, { requiredKeys: [] }),
  fc.dictionary(fc.constantFrom('answers', 'events', '__proto__', 'constructor', 'extra'), json),
  json,
);

/** Sends a Buffer as the bytes it holds (superagent would otherwise write a JSON body as JSON of the Buffer). */
const raw = (b: unknown) => b as string;
const ok = (status: number) => (status >= 200 && status < 300) || (status >= 400 && status < 500);

async function expectRefusedOrValid(res: request.Response, before: string) {
  expect(ok(res.status), `${res.status} ${JSON.stringify(res.body).slice(0, 300)}`).toBe(true);
  if (res.status >= 400) {
    expect(snapshot()).toBe(before);
    expect(res.body.error?.code).toMatch(/^[a-z_]+$/);
  }
}

describe('the student API under random input', () => {
  it('PUT /api/survey/answers: JSON values of every shape', async () => {
    await fc.assert(
      fc.asyncProperty(saveBody, async (body) => {
        const before = snapshot();
        const raw = JSON.stringify(body) ?? 'null';
        await expectRefusedOrValid(await agent.put('/api/survey/answers').set('Content-Type', 'application/json').send(raw), before);
      }),
      { numRuns: RUNS },
    );
    // Whatever was stored is valid for its question and valid text.
    const stored = t.db.prepare('SELECT question_id AS q, value FROM answers').all() as { q: string; value: string | null }[];
    for (const a of stored) {
      const value = a.value === null ? null : JSON.parse(a.value);
      expect(checkAnswer(def, a.q, value).ok, a.q).toBe(true);
      expect(holdsLoneSurrogate(a.value), a.q).toBe(false);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 120_000);

  it('PUT /api/survey/answers: raw bytes, invalid UTF-8 and broken JSON', async () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 200 }),
      fc.constantFrom('{"answers": [', '{"answers":[{"questionId":"opmerkingen","value":"\\ud800","seq":9007199254740991}]}', '\u0000', '[]', '{}', '"x"').map((s) => Buffer.from(s)),
      fc.constant(Buffer.concat([Buffer.from('{"answers":[{"questionId":"opmerkingen","value":"'), Buffer.from([0xc3, 0x28, 0xff, 0xfe]), Buffer.from('","seq":7}]}')])),
    );
    await fc.assert(
      fc.asyncProperty(bytes, fc.constantFrom('application/json', 'application/json; charset=utf-8', 'application/json; charset=utf-16'), async (b, type) => {
        const before = snapshot();
        await expectRefusedOrValid(await agent.put('/api/survey/answers').set('Content-Type', type).serialize(raw).send(Buffer.from(b)), before);
      }),
      { numRuns: RUNS },
    );
    // Stored as JSON, where a lone surrogate is written as an escape: look at the value itself.
    const stored = t.db.prepare('SELECT value FROM answers').pluck().all() as (string | null)[];
    for (const v of stored) expect(holdsLoneSurrogate(v)).toBe(false);
  }, 120_000);

  it('bodies over the size limit get 413, also compressed ones (a gzip bomb), and change nothing', async () => {
    const before = snapshot();
    const huge = JSON.stringify({ answers: [{ questionId: 'opmerkingen', value: 'x'.repeat(70_000), seq: 1 }] });
    expect((await agent.put('/api/survey/answers').set('Content-Type', 'application/json').send(huge)).status).toBe(413);
    const bomb = gzipSync(Buffer.from(`{"answers":[{"questionId":"opmerkingen","value":"${'a'.repeat(20_000_000)}","seq":1}]}`));
    const res = await agent.put('/api/survey/answers').set({ 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' }).serialize(raw).send(bomb);
    expect(res.status, JSON.stringify(res.body)).toBe(413);
    expect((await request(t.app).post('/api/login').set('Content-Type', 'application/json').send(JSON.stringify({ surname: 'x'.repeat(70_000) }))).status).toBe(413);
    expect(snapshot()).toBe(before);
  });

  it('POST /api/login: any body; no session unless the login is right', async () => {
    const login = fc.oneof(
      fc.record({ brin: fc.oneof(fc.constant('25PZ'), text), surname: fc.oneof(fc.constant('Visser'), text), birthDate: fc.oneof(fc.constant('09-03-2005'), text), gender: scalar, initial: scalar }, { requiredKeys: [] }),
      json,
    );
    await fc.assert(
      fc.asyncProperty(login, async (body) => {
        const before = snapshot();
        const res = await request(t.app).post('/api/login').set('Content-Type', 'application/json').send(JSON.stringify(body) ?? 'null');
        expect(ok(res.status), `${res.status}`).toBe(true);
        if (res.status !== 200) {
          expect(snapshot()).toBe(before);
          expect(String(res.headers['set-cookie'] ?? '')).not.toMatch(/jm_session=[\w-]/);
        }
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('PUT /api/survey/page, GET /api/survey with random cookies, the printable questionnaire with random queries', async () => {
    await fc.assert(
      fc.asyncProperty(json, async (body) => {
        const before = snapshot();
        await expectRefusedOrValid(await agent.put('/api/survey/page').set('Content-Type', 'application/json').send(JSON.stringify(body) ?? 'null'), before);
      }),
      { numRuns: RUNS },
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary-ascii', maxLength: 300 }), async (cookie) => {
        const res = await request(t.app).get('/api/survey').set('Cookie', cookie.replace(/[^\x20-\x7e]/g, ''));
        expect([200, 400, 401]).toContain(res.status);
      }),
      { numRuns: RUNS },
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }), async (version, lang, brin) => {
        const res = await request(t.app).get(`/vragenlijst/${encodeURIComponent(version)}`).query({ lang, brin });
        expect([200, 301, 400, 404]).toContain(res.status);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});
