// Timing events through the save API on a real SQLite file: stored with receipt time and clock offset,
// idempotent on retry, validated and bounded, and summarised for the cleaning rules.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import request from 'supertest';
import { createTestApp, student, type TestApp } from '../support/test-app.ts';
import { createTimingService } from '../../server/services/survey/timing.ts';
import { MAX_EVENTS_PER_RESPONSE } from '../../server/db/timing.ts';
import { loadQuestionnaires } from '../../questionnaire/index.ts';
import { createSurveyService } from '../../server/services/survey/survey-service.ts';
import { createSessionService } from '../../server/services/login/sessions.ts';
import { createDefinitions } from '../../server/services/survey/definitions.ts';
import { sha256 } from '../../server/services/common/keys.ts';

let t: TestApp;
const anna = student({ achternaam: 'Visser', geboortedatum: '2005-03-09' });

beforeEach(() => {
  t = createTestApp({ population: [anna] });
});
afterEach(() => t.close());

async function loggedIn() {
  const agent = request.agent(t.app);
  await agent.post('/api/login').send({ brin: '25PZ', surname: 'Visser', birthDate: '09-03-2005' }).expect(200);
  return agent;
}
const eventCount = () => {
  const ids = t.db.prepare('SELECT id FROM responses').pluck().all() as number[];
  return ids.reduce((n, id) => n + t.repos.timing.events(id).length, 0);
};
const responseId = () => (t.db.prepare('SELECT id FROM responses').get() as { id: number }).id;

// The browser's clock is 1 hour behind the server (test clock: 2024-01-20T10:00:00Z).
const at = (s: number) => new Date(Date.parse('2024-01-20T09:00:00Z') + s * 1000).toISOString();

describe('timing events', () => {
  it('are stored with the receipt time and the clock offset, once even when the save is retried', async () => {
    const agent = await loggedIn();
    const state = await agent.get('/api/survey').expect(200);
    const firstPage = state.body.questionnaire.pages[0];
    const q = state.body.questionnaire.pages.flatMap((p: { questions: unknown[] }) => p.questions).find((x: { type: string }) => x.type === 'single');
    const body = {
      answers: [{ questionId: q.id, value: q.options[0].code, seq: 5, changedAt: at(20) }],
      events: [
        { id: 'tab1:1', type: 'page_shown', target: firstPage.id, at: at(0) },
        { id: 'tab1:2', type: 'hidden', at: at(10) },
        { id: 'tab1:3', type: 'visible', at: at(200) },
        { id: 'tab1:4', type: 'answer', target: q.id, at: at(220) },
        { id: 'tab1:5', type: 'page_left', target: firstPage.id, at: at(230) },
      ],
      sentAt: at(230),
    };
    t.clock.now = new Date('2024-01-20T10:03:50Z'); // receipt = send time + 1 h
    await agent.put('/api/survey/answers').send(body).expect(200);
    await agent.put('/api/survey/answers').send(body).expect(200); // the answer to the first was lost: retried
    expect(eventCount()).toBe(5);
    const first = t.repos.timing.events(responseId()).find((e) => e.eventId === 'tab1:1');
    expect(first).toMatchObject({ offsetMs: 3_600_000, receivedAt: '2024-01-20T10:03:50.000Z' });

    const summary = createTimingService({ repos: t.repos, questionnaires: loadQuestionnaires() }).timingSummary(responseId())!;
    expect(summary.activeSeconds).toBe(40); // 10 s before hiding + 30 s after
    expect(summary.pageSeconds).toEqual({ [firstPage.id]: 40 });
    expect(summary.pageFirstShownAt[firstPage.id]).toBe('2024-01-20T10:00:00.000Z');
    expect(summary.lastChangeAt[q.id]).toBe('2024-01-20T10:03:40.000Z');
    expect(summary.questionsAnswered).toBe(1);
    expect(summary.questionsShown).toBeGreaterThanOrEqual(1);
    expect(summary.events).toBe(5);
  });

  it('may come without answers', async () => {
    const agent = await loggedIn();
    // With the send time, as the browser sends it: its clock is an hour behind.
    await agent.put('/api/survey/answers').send({ answers: [], events: [{ id: 'x:1', type: 'hidden', at: at(0) }], sentAt: at(1) }).expect(200);
    expect(eventCount()).toBe(1);
  });

  it.each([
    [{ answers: [], events: [] }],
    [{ answers: [], events: [{ id: 'no-counter', type: 'hidden', at: at(0) }] }],
    [{ answers: [], events: [{ id: 'x:1', type: 'scrolled', at: at(0) }] }],
    [{ answers: [], events: [{ id: 'x:1', type: 'page_shown', target: 'p'.repeat(65), at: at(0) }] }],
    [{ answers: [], events: [{ id: 'x:1', type: 'hidden', at: 'yesterday' }] }],
    [{ answers: [], events: Array.from({ length: 301 }, (_, i) => ({ id: `x:${i}`, type: 'hidden', at: at(i) })) }],
    [{ answers: [], events: [{ id: 'x:1', type: 'hidden', at: at(0) }], sentAt: 'now' }],
  ])('rejects invalid events with 400 and stores nothing: %#', async (body) => {
    const agent = await loggedIn();
    await agent.put('/api/survey/answers').send(body).expect(400);
    expect(eventCount()).toBe(0);
  });

  it('keeps at most MAX_EVENTS_PER_RESPONSE per response', async () => {
    await loggedIn();
    const id = responseId();
    const many = Array.from({ length: MAX_EVENTS_PER_RESPONSE + 10 }, (_, i) => ({ id: `x:${i}`, type: 'hidden' as const, target: null, clientAt: at(i) }));
    expect(t.repos.timing.add(id, many, 0, '2024-01-20T10:00:00Z')).toBe(MAX_EVENTS_PER_RESPONSE);
    expect(t.repos.timing.add(id, [{ id: 'y:1', type: 'visible', target: null, clientAt: at(0) }], 0, '2024-01-20T10:00:00Z')).toBe(0);
    expect(eventCount()).toBe(MAX_EVENTS_PER_RESPONSE);
    expect(t.db.prepare('SELECT timing_event_count FROM responses WHERE id = ?').pluck().get(id)).toBe(MAX_EVENTS_PER_RESPONSE);
  });

  it('keeps the part of a save that fits under the cap', async () => {
    await loggedIn();
    const id = responseId();
    const events = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => ({ id: `${prefix}:${i}`, type: 'hidden' as const, target: null, clientAt: at(i) }));
    expect(t.repos.timing.add(id, events('a', MAX_EVENTS_PER_RESPONSE - 3), 0, '2024-01-20T10:00:00Z')).toBe(MAX_EVENTS_PER_RESPONSE - 3);
    expect(t.repos.timing.add(id, events('b', 5), 0, '2024-01-20T10:00:00Z')).toBe(3);
    expect(t.repos.timing.events(id).filter((e) => e.eventId.startsWith('b:')).map((e) => e.eventId)).toEqual(['b:0', 'b:1', 'b:2']);
  });

  it('are refused once the response is completed', async () => {
    const agent = await loggedIn();
    await agent.post('/api/survey/submit').set('Content-Type', 'application/json').expect(200);
    const res = await agent.put('/api/survey/answers').send({ answers: [], events: [{ id: 'x:1', type: 'hidden', at: at(0) }] }).expect(409);
    expect(res.body.error.code).toBe('already_completed');
  });
});

describe('a save queued behind a submit of the same response', () => {
  it('is refused inside its own write, and stores none of its events', async () => {
    await loggedIn();
    const questionnaires = loadQuestionnaires();
    const definitions = createDefinitions(t.repos, questionnaires);
    const sessions = createSessionService({ repos: t.repos, idleMinutes: 60, now: () => t.clock.now });
    const survey = createSurveyService({ repos: t.repos, questionnaires, definitions, sessions, now: () => t.clock.now });
    const response = t.repos.responses.get(responseId())!; // as another tab's session read it: in progress
    t.repos.sessions.create(sha256('second-tab'), response.id, t.clock.now.toISOString());
    const submitting = survey.submit(response); // that tab submits; this tab's save comes in the same turn
    const saving = survey.saveAnswers('second-tab', { answers: [], events: [{ id: 'x:1', type: 'hidden', at: at(0) }] });
    await submitting;
    await expect(saving).rejects.toMatchObject({ code: 'already_completed' });
    expect(eventCount()).toBe(0);
  });
});
