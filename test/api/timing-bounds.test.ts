// Forged timing cannot game or break the cleaning rules: events dated before the response started or after they
// were received (clock offset included), a forged sentAt, and events about pages or questions the response does
// not have are left out; the answers of the same save are still stored.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import request from 'supertest';
import { createTestApp, student, type TestApp } from '../support/test-app.ts';
import { createTimingService } from '../../server/services/survey/timing.ts';
import { loadQuestionnaires } from '../../questionnaire/index.ts';

let t: TestApp;
beforeEach(() => {
  t = createTestApp({ population: [student({ achternaam: 'Visser', geboortedatum: '2005-03-09' })] });
});
afterEach(() => t.close());

async function loggedIn() {
  const agent = request.agent(t.app);
  await agent.post('/api/login').send({ brin: '25PZ', surname: 'Visser', birthDate: '09-03-2005' }).expect(200); // at 10:00:00
  const state = await agent.get('/api/survey').expect(200);
  return { agent, page: state.body.questionnaire.pages[0].id as string, question: state.body.questionnaire.pages[0].questions[0].id as string };
}
const summary = () => {
  const id = t.db.prepare('SELECT id FROM responses').pluck().get() as number;
  return createTimingService({ repos: t.repos, questionnaires: loadQuestionnaires() }).timingSummary(id)!;
};
const storedIds = () => {
  const id = t.db.prepare('SELECT id FROM responses').pluck().get() as number;
  return t.repos.timing.events(id).map((e) => e.eventId);
};

describe('event times', () => {
  it('a page shown in 1970 and left in 2100 adds no time; the answer of that save is stored', async () => {
    const { agent, page } = await loggedIn();
    t.clock.now = new Date('2024-01-20T10:05:00Z');
    const res = await agent
      .put('/api/survey/answers')
      .send({
        answers: [{ questionId: 'leerjaar', value: 'j1', seq: 1 }],
        events: [
          { id: 'f:1', type: 'page_shown', target: page, at: '1970-01-01T00:00:00Z' },
          { id: 'f:2', type: 'page_left', target: page, at: '2100-01-01T00:00:00Z' },
        ],
      })
      .expect(200);
    expect(res.body).toEqual({ acknowledged: [{ questionId: 'leerjaar', seq: 1 }], eventsIgnored: 2 });
    expect(storedIds()).toEqual([]);
    expect(summary().activeSeconds).toBe(0);
    expect(t.db.prepare('SELECT count(*) FROM answers').pluck().get()).toBe(1);
  });

  it('a forged sentAt cannot stretch time: corrected times must still fall between the start and the receipt', async () => {
    const { agent, page } = await loggedIn();
    t.clock.now = new Date('2024-01-20T10:05:00Z');
    // sentAt in 1970 makes the offset 54 years: events dated "now" by the browser land in 2078 and are left out.
    await agent
      .put('/api/survey/answers')
      .send({
        answers: [],
        events: [
          { id: 'f:1', type: 'page_shown', target: page, at: '2024-01-20T10:01:00Z' },
          { id: 'f:2', type: 'page_left', target: page, at: '2024-01-20T10:04:00Z' },
        ],
        sentAt: '1970-01-01T00:00:00Z',
      })
      .expect(200);
    expect(storedIds()).toEqual([]);
  });

  it('keeps true events of a browser whose clock is hours off, as before', async () => {
    const { agent, page } = await loggedIn();
    t.clock.now = new Date('2024-01-20T10:05:00Z');
    // The browser's clock is 3 hours behind: it recorded 07:01 and 07:04 and sent at 07:05.
    await agent
      .put('/api/survey/answers')
      .send({
        answers: [],
        events: [
          { id: 'c:1', type: 'page_shown', target: page, at: '2024-01-20T07:01:00Z' },
          { id: 'c:2', type: 'page_left', target: page, at: '2024-01-20T07:04:00Z' },
        ],
        sentAt: '2024-01-20T07:05:00Z',
      })
      .expect(200);
    expect(storedIds()).toEqual(['c:1', 'c:2']);
    expect(summary().activeSeconds).toBe(180);
  });

  it('drops an answer change time outside the response\'s lifetime', async () => {
    const { agent } = await loggedIn();
    await agent.put('/api/survey/answers').send({ answers: [{ questionId: 'leerjaar', value: 'j1', seq: 1, changedAt: '2100-01-01T00:00:00Z' }] }).expect(200);
    expect(t.db.prepare('SELECT client_changed_at FROM answers').pluck().get()).toBeNull();
  });
});

describe('event targets', () => {
  it('leaves out events about pages and questions the response does not have, keeps the rest', async () => {
    const { agent, page, question } = await loggedIn();
    const at = '2024-01-20T10:00:30Z';
    const res = await agent
      .put('/api/survey/answers')
      .send({
        answers: [],
        events: [
          { id: 'g:1', type: 'page_shown', target: 'no-such-page', at },
          { id: 'g:2', type: 'answer', target: 'no_such_question', at },
          { id: 'g:3', type: 'page_shown', at },
          { id: 'g:4', type: 'page_shown', target: page, at },
          { id: 'g:5', type: 'answer', target: question, at },
          { id: 'g:6', type: 'page_left', target: '#intro', at },
          { id: 'g:7', type: 'hidden', target: 'anything at all', at },
        ],
      })
      .expect(200);
    expect(res.body.eventsIgnored).toBe(3);
    expect(storedIds()).toEqual(['g:4', 'g:5', 'g:6', 'g:7']);
    const id = t.db.prepare('SELECT id FROM responses').pluck().get() as number;
    expect(t.repos.timing.events(id).find((e) => e.eventId === 'g:7')!.target).toBeNull();
  });
});
