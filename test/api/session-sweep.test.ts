// The idle-session sweep: sessions idle past the expiry are removed, whatever their token hash (the first and
// the last byte included), live ones are kept and keep working.
import { afterEach, beforeEach, expect, it } from 'vitest';
import request from 'supertest';
import { pino } from 'pino';
import { createTestApp, student, type TestApp } from '../support/test-app.ts';
import { startSessionSweep } from '../../server/services/login/session-sweep.ts';
import { createSessionService, type SessionService } from '../../server/services/login/sessions.ts';

let t: TestApp;
let sessions: SessionService;
beforeEach(() => {
  t = createTestApp({ population: [student({ achternaam: 'Visser', geboortedatum: '2005-03-09' })] });
  sessions = createSessionService({ repos: t.repos, idleMinutes: 60, now: () => t.clock.now });
});
afterEach(() => t.close());

const minutesAgo = (m: number) => new Date(t.clock.now.getTime() - m * 60_000).toISOString();
const hashes = () => t.db.prepare('SELECT hex(token_hash) FROM sessions ORDER BY 1').pluck().all() as string[];
// The test's own sessions have a token hash of one byte repeated; whole hashes are compared, since the login's own
// session has a random one that may start with any byte.
const filled = (byte: number) => Buffer.alloc(32, byte).toString('hex').toUpperCase();

it('removes the sessions idle longer than the expiry, whatever their hash, and keeps the rest working', async () => {
  const agent = request.agent(t.app);
  await agent.post('/api/login').send({ brin: '25PZ', surname: 'Visser', birthDate: '09-03-2005' }).expect(200);
  const responseId = t.db.prepare('SELECT response_id FROM sessions').pluck().get() as number;
  const session = (firstByte: number, lastSeen: string) => t.repos.sessions.create(Buffer.alloc(32, firstByte), responseId, lastSeen);
  session(0x00, minutesAgo(61));
  session(0x80, minutesAgo(120));
  session(0xff, minutesAgo(24 * 60));
  session(0x7f, minutesAgo(59)); // still within the hour
  session(0xfe, minutesAgo(1));
  const before = hashes().length;

  expect(await sessions.sweep()).toBe(3);
  expect(hashes()).toHaveLength(before - 3);
  expect(hashes()).not.toContain(filled(0x00));
  expect(hashes()).not.toContain(filled(0x80));
  expect(hashes()).not.toContain(filled(0xff));
  expect(hashes()).toEqual(expect.arrayContaining([filled(0x7f), filled(0xfe)]));
  await agent.get('/api/survey').expect(200);
  expect(await sessions.sweep()).toBe(0);
});

it('runs on its interval until stopped', async () => {
  const responseId = (await request(t.app).post('/api/login').send({ brin: '25PZ', surname: 'Visser', birthDate: '09-03-2005' }).expect(200), t.db.prepare('SELECT response_id FROM sessions').pluck().get() as number);
  t.repos.sessions.create(Buffer.alloc(32, 0x42), responseId, minutesAgo(90));
  const sweep = startSessionSweep({ sessions, log: pino({ level: 'silent' }), intervalMs: 5 });
  for (let i = 0; i < 200 && hashes().includes(filled(0x42)); i++) await new Promise((r) => setTimeout(r, 10));
  await sweep.stop();
  expect(hashes()).not.toContain(filled(0x42));
  expect(hashes()).toHaveLength(1);
});
