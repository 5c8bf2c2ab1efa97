// A classroom session followed live over server-sent events: joins by link or code, login outcomes with the code,
// page positions, answers and completion of the class's students, within the one-a-second sends; a dropped
// connection catches up on reconnect; codes expire at the end of the day; never a name or an answer in a snapshot.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventSource } from 'eventsource';
import { staffApi, withParams } from '../../server/api/endpoints.ts';
import type { ClassroomSession, LiveSnapshot } from '../../server/api/staff.ts';
import { createTestApp, student, type TestApp } from '../support/test-app.ts';
import { createStaff, listen, liveSource, staffCookie, studentCookie } from '../support/staff.ts';

const CLASS = ['Visser', 'Smit', 'Mulder', 'Bos'].map((achternaam, i) => student({ achternaam, geboortedatum: `2005-03-0${i + 1}` }));
const OTHER_SCHOOL = student({ brin: '26AB', instellingsnaam: 'Ander College', achternaam: 'Dekker', geboortedatum: '2004-01-01' });
const loginOf = (i: number) => ({ brin: '25PZ', surname: CLASS[i]!.achternaam, birthDate: `0${i + 1}-03-2005` });

let t: TestApp;
let server: Awaited<ReturnType<typeof listen>>;
let observer: string;
let session: ClassroomSession;
let source: EventSource;
const snapshots: LiveSnapshot[] = [];

/** Resolves with the first snapshot (from now on) for which `ok` holds; fails after `ms`. */
function until(ok: (s: LiveSnapshot) => boolean, ms = 3000): Promise<LiveSnapshot> {
  const seen = snapshots.length;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no such snapshot within ${ms} ms; last: ${JSON.stringify(snapshots.at(-1))}`)), ms);
    const check = () => {
      const hit = snapshots.slice(seen > 0 ? seen - 1 : 0).find(ok);
      if (hit) {
        clearTimeout(timer);
        clearInterval(poll);
        resolve(hit);
      }
    };
    const poll = setInterval(check, 20);
    check();
  });
}

function watch(): EventSource {
  const s = liveSource(server.url, withParams(staffApi.live, { id: session.id }).path, observer);
  s.addEventListener('snapshot', (e) => snapshots.push(JSON.parse(e.data) as LiveSnapshot));
  return s;
}

const post = (path: string, body: unknown, cookie?: string) =>
  fetch(`${server.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(cookie ? { cookie } : {}) }, body: JSON.stringify(body) });
const put = (path: string, body: unknown, cookie: string) =>
  fetch(`${server.url}${path}`, { method: 'PUT', headers: { 'Content-Type': 'application/json', cookie }, body: JSON.stringify(body) });

beforeAll(async () => {
  t = createTestApp({ population: [...CLASS, OTHER_SCHOOL] });
  server = await listen(t);
  await createStaff(t, 'observer', 'observer@test.example');
  observer = await staffCookie(server.url, 'observer@test.example');
  const res = await post(staffApi.createSession.path, { brin: '25PZ', name: 'AZ1-3, di 10:00' }, observer);
  expect(res.status).toBe(201);
  session = (await res.json()) as ClassroomSession;
  source = watch();
  await until((s) => s.sessionId === session.id);
}, 60_000);
afterAll(async () => {
  source.close();
  await server.close();
  t.close();
});

describe('a classroom session', () => {
  it('has a 6-character code without look-alikes, a link to the login page, and ends at the end of the day in the Netherlands', () => {
    expect(session.code).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);
    expect(session.link).toBe(`/?klas=${session.code}`);
    expect(session.createdAt).toBe('2024-01-20T10:00:00.000Z');
    expect(session.expiresAt).toBe('2024-01-20T23:00:00.000Z'); // midnight in Amsterdam (UTC+1 in January)
    expect(session.expired).toBe(false);
  });

  it('counts each browser tab that joins by link or code once; an unknown code is refused', async () => {
    expect((await post('/api/classroom/join', { code: session.code, joinId: 'tab-aaaaaaaa' })).status).toBe(200);
    expect((await post('/api/classroom/join', { code: session.code, joinId: 'tab-aaaaaaaa' })).status).toBe(200); // a reload
    const typed = await post('/api/classroom/join', { code: ` ${session.code.slice(0, 3).toLowerCase()}-${session.code.slice(3)} `, joinId: 'tab-bbbbbbbb' });
    expect(await typed.json()).toEqual({ code: session.code, brin: '25PZ', institutionName: 'ROC Testland', name: 'AZ1-3, di 10:00' });
    const unknown = await post('/api/classroom/join', { code: session.code === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA', joinId: 'tab-cccccccc' });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe('classroom_code_unknown');
    expect((await until((s) => s.joined === 2)).joined).toBe(2);
  });

  it('shows a failed login with the code by its reason, and logins of the class', async () => {
    expect((await post('/api/login', { ...loginOf(0), birthDate: '28-02-2005', classroom: session.code })).status).toBe(401);
    await studentCookie(server.url, { ...loginOf(0), classroom: session.code });
    await studentCookie(server.url, { ...loginOf(1), classroom: session.code });
    // Another school's student with this code, and a student without it: not this class.
    await studentCookie(server.url, { brin: '26AB', surname: 'Dekker', birthDate: '01-01-2004', classroom: session.code });
    await studentCookie(server.url, loginOf(3));
    const s = await until((x) => x.loggedIn === 2 && x.failures.not_found === 1);
    expect(s.failures).toEqual({ not_found: 1, ambiguous: 0, locked: 0, completed: 0 });
  });

  it('shows how many are on each page, answering and completed, within two seconds', async () => {
    const a = await studentCookie(server.url, { ...loginOf(0), classroom: session.code }); // a second login of the same student counts once
    const b = await studentCookie(server.url, { ...loginOf(1), classroom: session.code });
    const at = new Date().toISOString();
    expect((await put('/api/survey/answers', { answers: [{ questionId: 'leerjaar', value: 'j1', seq: 1 }], events: [{ id: 'tabA:1', type: 'page_shown', target: 'opleiding', at }] }, a)).status).toBe(200);
    expect((await put('/api/survey/page', { pageId: 'lessen' }, a)).status).toBe(204);
    expect((await put('/api/survey/page', { pageId: 'opleiding' }, b)).status).toBe(204);
    const s = await until((x) => x.answering === 1 && x.pages.find((p) => p.pageId === 'lessen')?.studentsNow === 1 && x.pages.find((p) => p.pageId === 'opleiding')?.studentsNow === 1);
    expect(s.loggedIn).toBe(2);
    expect(s.completed).toBe(0);

    const started = Date.now();
    expect((await post('/api/survey/submit', {}, b)).status).toBe(200);
    const done = await until((x) => x.completed === 1, 2000);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(done.pages.find((p) => p.pageId === 'opleiding')?.studentsNow).toBe(0);
    expect(done.failures.completed).toBe(0);
    // Logging in again after completing counts as "already completed" at the door.
    expect((await post('/api/login', { ...loginOf(1), classroom: session.code })).status).toBe(200);
    expect((await until((x) => x.failures.completed === 1)).failures.completed).toBe(1);
  });

  it('a dropped connection catches up: the first snapshot after reconnecting has what happened meanwhile', async () => {
    source.close();
    await studentCookie(server.url, { ...loginOf(2), classroom: session.code });
    snapshots.length = 0;
    source = watch();
    const s = await until(() => true);
    expect(s.loggedIn).toBe(3);
  });

  it('never sends a name, a birth date or an answer', () => {
    const all = JSON.stringify(snapshots);
    for (const s of CLASS) {
      expect(all).not.toContain(s.achternaam);
      expect(all).not.toContain(s.geboortedatum);
    }
    expect(all).not.toContain('j1');
  });

  it('a class median per page from at least 3 students, beside the national median of completed questionnaires', async () => {
    const cookies = [
      await studentCookie(server.url, { ...loginOf(0), classroom: session.code }),
      await studentCookie(server.url, { ...loginOf(2), classroom: session.code }),
      await studentCookie(server.url, { ...loginOf(3), classroom: session.code }),
    ];
    // Timing events count only between the response's start (the login, at 10:00) and their receipt.
    t.clock.now = new Date('2024-01-20T10:05:00Z');
    const t0 = Date.parse('2024-01-20T10:00:30Z');
    for (const [i, c] of cookies.entries()) {
      const events = [
        { id: `m${i}:1`, type: 'page_shown', target: 'docenten', at: new Date(t0).toISOString() },
        { id: `m${i}:2`, type: 'page_left', target: 'docenten', at: new Date(t0 + (60 + i * 30) * 1000).toISOString() },
      ];
      expect((await put('/api/survey/answers', { answers: [], events }, c)).status).toBe(200);
    }
    const s = await until((x) => x.pages.find((p) => p.pageId === 'docenten')?.classCount === 3);
    expect(s.pages.find((p) => p.pageId === 'docenten')).toMatchObject({ classMedianSeconds: 90, classCount: 3 });

    // Completed elsewhere: the national median counts completed questionnaires only, once each.
    expect((await post('/api/survey/submit', {}, cookies[0]!)).status).toBe(200);
    expect((await post('/api/survey/submit', {}, cookies[1]!)).status).toBe(200);
    await t.services.classroom.national.refresh(['docenten']);
    await t.services.classroom.national.refresh(['docenten']);
    expect(t.services.classroom.national.median('docenten')).toBe(75);
  });

  it('expires at the end of the day: the code no longer joins or counts', async () => {
    t.clock.now = new Date('2024-01-20T23:00:00Z');
    const res = await post('/api/classroom/join', { code: session.code, joinId: 'tab-late-0001' });
    expect(res.status).toBe(404);
    // 13 hours on, the staff session has long expired (idle for more than an hour): sign in again.
    expect((await fetch(`${server.url}${staffApi.sessions.path}`, { headers: { cookie: observer } })).status).toBe(401);
    const again = await staffCookie(server.url, 'observer@test.example');
    const list = (await (await fetch(`${server.url}${staffApi.sessions.path}`, { headers: { cookie: again } })).json()) as ClassroomSession[];
    expect(list.find((x) => x.id === session.id)?.expired).toBe(true);
  });
});
