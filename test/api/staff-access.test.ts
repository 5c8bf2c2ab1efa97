// The whole matrix of staff routes x who asks: nobody, a student's cookie, and each role (admin, institution of
// 25PZ, observer), including another institution's BRIN (403), and cross-site requests (refused, nothing changed).
// Every endpoint of the staff contract must appear here: a new route without its row fails this test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILE_NAME_HEADER, staffApi, withParams, type Endpoint } from '../../server/api/endpoints.ts';
import { createTestApp, student, type TestApp } from '../support/test-app.ts';
import { createStaff, listen, staffCookie, studentCookie } from '../support/staff.ts';
import { noPause, reportingOf } from '../support/reporting-seed.ts';

type Who = 'nobody' | 'student' | 'admin' | 'institution' | 'observer';
const WHO: Who[] = ['nobody', 'student', 'admin', 'institution', 'observer'];

let t: TestApp;
let server: Awaited<ReturnType<typeof listen>>;
const cookies: Partial<Record<Who, string>> = {};
let own = 0; // a classroom session of 25PZ
let other = 0; // a classroom session of 26AB

beforeAll(async () => {
  t = createTestApp({
    population: [
      student({ achternaam: 'Visser', geboortedatum: '2005-03-09' }),
      student({ brin: '26AB', instellingsnaam: 'Ander College', achternaam: 'Bakker' }),
    ],
  });
  server = await listen(t);
  await createStaff(t, 'admin', 'admin@test.example');
  await createStaff(t, 'institution', 'coordinator@test.example', '25PZ');
  await createStaff(t, 'observer', 'observer@test.example');
  cookies.admin = await staffCookie(server.url, 'admin@test.example');
  cookies.institution = await staffCookie(server.url, 'coordinator@test.example');
  cookies.observer = await staffCookie(server.url, 'observer@test.example');
  cookies.student = await studentCookie(server.url, { brin: '25PZ', surname: 'Visser', birthDate: '09-03-2005' });
  const admin = { id: 1, email: 'admin@test.example', role: 'admin' as const, brin: null };
  own = (await t.services.classroom.create(admin, { brin: '25PZ', name: 'AZ1-3' })).id;
  other = (await t.services.classroom.create(admin, { brin: '26AB', name: 'BK2' })).id;
  await reportingOf(t).runCleaning(1, noPause); // results exist only after a cleaning run
}, 60_000);
afterAll(async () => {
  await server.close();
  t.close();
});

type Status = [nobody: number, student: number, admin: number, institution: number, observer: number];
interface Row {
  name: string;
  endpoint: Endpoint;
  params?: Record<string, string | number>;
  query?: Record<string, string>;
  body?: unknown;
  /** A file upload: the raw bytes with their name, instead of a JSON body. */
  upload?: { fileName: string; bytes: string };
  expect: Status;
}
const NO_UPLOAD = '0123456789abcdef0123456789abcdef';
const labelCsv = (brin: string) => ({ fileName: `${brin}_Jobmonitor_20240115.csv`, bytes: 'PGN;Instelling;Bedrijfsgroep;R1;R2;R3;A1;A2;A3\r\n123456782;X;;L;U;K;L;S;T\r\n' });

const rows = (): Row[] => [
  { name: 'me', endpoint: staffApi.me, expect: [401, 401, 200, 200, 200] },
  { name: 'institutions', endpoint: staffApi.institutions, expect: [401, 401, 200, 200, 200] },
  { name: 'own settings', endpoint: staffApi.settings, params: { brin: '25PZ' }, expect: [401, 401, 200, 200, 403] },
  { name: "another BRIN's settings", endpoint: staffApi.settings, params: { brin: '26AB' }, expect: [401, 401, 200, 403, 403] },
  { name: 'change own settings', endpoint: staffApi.updateSettings, params: { brin: '25PZ' }, body: { bedrijfsgroepInRespons: true }, expect: [401, 401, 200, 200, 403] },
  { name: "change another BRIN's settings", endpoint: staffApi.updateSettings, params: { brin: '26AB' }, body: { bedrijfsgroepInRespons: true }, expect: [401, 401, 200, 403, 403] },
  { name: 'staff accounts', endpoint: staffApi.users, expect: [401, 401, 200, 403, 403] },
  { name: 'classroom sessions', endpoint: staffApi.sessions, expect: [401, 401, 200, 200, 200] },
  { name: "another BRIN's classroom sessions", endpoint: staffApi.sessions, query: { brin: '26AB' }, expect: [401, 401, 200, 403, 200] },
  { name: 'create a session for the own BRIN', endpoint: staffApi.createSession, body: { brin: '25PZ', name: 'AZ1-4' }, expect: [401, 401, 201, 201, 201] },
  { name: 'create a session for another BRIN', endpoint: staffApi.createSession, body: { brin: '26AB', name: 'BK3' }, expect: [401, 401, 201, 403, 201] },
  { name: 'own session', endpoint: staffApi.session, params: { id: own }, expect: [401, 401, 200, 200, 200] },
  { name: "another BRIN's session", endpoint: staffApi.session, params: { id: other }, expect: [401, 401, 200, 403, 200] },
  { name: 'live view of the own session', endpoint: staffApi.live, params: { id: own }, expect: [401, 401, 200, 200, 200] },
  { name: "live view of another BRIN's session", endpoint: staffApi.live, params: { id: other }, expect: [401, 401, 200, 403, 200] },
  { name: 'national response overview', endpoint: staffApi.nationalResponseOverview, expect: [401, 401, 200, 403, 403] },
  { name: 'own response overview', endpoint: staffApi.responseOverview, params: { brin: '25PZ' }, expect: [401, 401, 200, 200, 403] },
  { name: "another BRIN's response overview", endpoint: staffApi.responseOverview, params: { brin: '26AB' }, expect: [401, 401, 200, 403, 403] },
  { name: 'the required-response calculator', endpoint: staffApi.calculator, query: { population: '30', completed: '20' }, expect: [401, 401, 200, 200, 200] },
  { name: 'national cleaning report', endpoint: staffApi.nationalCleaningReport, expect: [401, 401, 200, 403, 403] },
  { name: 'own cleaning report', endpoint: staffApi.cleaningReport, params: { brin: '25PZ' }, expect: [401, 401, 200, 200, 403] },
  { name: "another BRIN's cleaning report", endpoint: staffApi.cleaningReport, params: { brin: '26AB' }, expect: [401, 401, 200, 403, 403] },
  { name: 'national results', endpoint: staffApi.nationalResults, query: { by: 'week' }, expect: [401, 401, 200, 403, 403] },
  { name: 'own results', endpoint: staffApi.results, params: { brin: '25PZ' }, expect: [401, 401, 200, 200, 403] },
  { name: "another BRIN's results", endpoint: staffApi.results, params: { brin: '26AB' }, expect: [401, 401, 200, 403, 403] },
  { name: 'national data file', endpoint: staffApi.nationalExport, params: { file: 'codebook.csv' }, expect: [401, 401, 200, 403, 403] },
  { name: 'own data file', endpoint: staffApi.export, params: { brin: '25PZ', file: 'codebook.csv' }, expect: [401, 401, 200, 200, 403] },
  { name: "another BRIN's data file", endpoint: staffApi.export, params: { brin: '26AB', file: 'codebook.csv' }, expect: [401, 401, 200, 403, 403] },
  { name: 'label file status', endpoint: staffApi.labelStatuses, expect: [401, 401, 200, 200, 403] },
  { name: 'own label history', endpoint: staffApi.labelHistory, params: { brin: '25PZ' }, expect: [401, 401, 200, 200, 403] },
  { name: "another BRIN's label history", endpoint: staffApi.labelHistory, params: { brin: '26AB' }, expect: [401, 401, 200, 403, 403] },
  { name: 'upload an own label file', endpoint: staffApi.uploadLabels, params: { brin: '25PZ' }, upload: labelCsv('25PZ'), expect: [401, 401, 201, 201, 403] },
  { name: "upload another BRIN's label file", endpoint: staffApi.uploadLabels, params: { brin: '26AB' }, upload: labelCsv('26AB'), expect: [401, 401, 201, 403, 403] },
  // No such upload: who may confirm or cancel learns that (404); who may not is refused before (403).
  { name: 'confirm an own upload', endpoint: staffApi.confirmLabels, params: { brin: '25PZ', id: NO_UPLOAD }, expect: [401, 401, 404, 404, 403] },
  { name: "confirm another BRIN's upload", endpoint: staffApi.confirmLabels, params: { brin: '26AB', id: NO_UPLOAD }, expect: [401, 401, 404, 403, 403] },
  { name: 'cancel an own upload', endpoint: staffApi.cancelLabels, params: { brin: '25PZ', id: NO_UPLOAD }, expect: [401, 401, 404, 404, 403] },
  { name: "cancel another BRIN's upload", endpoint: staffApi.cancelLabels, params: { brin: '26AB', id: NO_UPLOAD }, expect: [401, 401, 404, 403, 403] },
  { name: 'login with an unknown account', endpoint: staffApi.login, body: { email: 'nobody@test.example', password: 'not-the-password' }, expect: [401, 401, 401, 401, 401] },
  { name: 'logout (last: it ends the session)', endpoint: staffApi.logout, expect: [204, 204, 204, 204, 204] },
];

async function call(row: Row, who: Who, headers: Record<string, string> = {}): Promise<Response> {
  const e = withParams(row.endpoint, row.params ?? {}, row.query);
  const controller = new AbortController();
  const type: Record<string, string> = row.upload
    ? { 'Content-Type': 'application/octet-stream', [FILE_NAME_HEADER]: encodeURIComponent(row.upload.fileName) }
    : e.method === 'GET' ? {} : { 'Content-Type': 'application/json' };
  const res = await fetch(`${server.url}${e.path}`, {
    method: e.method,
    headers: { ...type, ...(cookies[who] ? { cookie: cookies[who] } : {}), ...headers },
    body: row.upload ? row.upload.bytes : row.body === undefined ? undefined : JSON.stringify(row.body),
    signal: controller.signal,
  });
  if (res.headers.get('content-type')?.startsWith('text/event-stream')) controller.abort(); // a live stream: its status is enough
  return res;
}

describe('every staff route for every role', () => {
  it('covers every endpoint of the staff contract', () => {
    const covered = new Set(rows().map((r) => r.endpoint));
    const all: Endpoint[] = Object.values(staffApi).filter((v) => typeof v === 'object');
    expect(all.filter((e) => !covered.has(e)).map((e) => `${e.method} ${e.path}`)).toEqual([]);
  });

  it('answers each as the role allows, and nothing else', async () => {
    const got: Record<string, Status> = {};
    const want: Record<string, Status> = {};
    for (const row of rows()) {
      const statuses = [] as number[];
      for (const who of WHO) {
        const res = await call(row, who);
        statuses.push(res.status);
        if (res.status === 403) expect((await res.json()).error.code).toBe('forbidden');
        if (res.status === 401 && row.endpoint !== staffApi.login) expect((await res.json()).error.code).toBe('no_session');
        if (row.endpoint === staffApi.live && res.status === 200) expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
      }
      got[row.name] = statuses as Status;
      want[row.name] = row.expect;
    }
    expect(got).toEqual(want);
  });
});

describe('what each role sees', () => {
  let fresh: Partial<Record<Who, string>>;
  beforeAll(async () => {
    fresh = {
      institution: await staffCookie(server.url, 'coordinator@test.example'),
      observer: await staffCookie(server.url, 'observer@test.example'),
    };
  }, 30_000);
  const get = async (path: string, who: Who) => (await fetch(`${server.url}${path}`, { headers: { cookie: fresh[who]! } })).json();

  it('an institution user lists only its own institution and its sessions', async () => {
    expect(await get(staffApi.institutions.path, 'institution')).toEqual([{ brin: '25PZ', name: 'ROC Testland' }]);
    const sessions = (await get(staffApi.sessions.path, 'institution')) as { brin: string }[];
    expect(sessions.length).toBeGreaterThan(0);
    expect(sessions.every((s) => s.brin === '25PZ')).toBe(true);
  });

  it('an observer lists every institution and every session', async () => {
    expect(((await get(staffApi.institutions.path, 'observer')) as { brin: string }[]).map((i) => i.brin).sort()).toEqual(['25PZ', '26AB']);
    expect(new Set(((await get(staffApi.sessions.path, 'observer')) as { brin: string }[]).map((s) => s.brin))).toEqual(new Set(['25PZ', '26AB']));
  });
});

describe('staff and student cookies are never valid on each other API', () => {
  it('a student session token in the staff cookie is refused, and a staff token in the student cookie too', async () => {
    const studentToken = cookies.student!.split('=')[1]!;
    const staff = await staffCookie(server.url, 'observer@test.example');
    const staffToken = staff.split('=')[1]!;
    expect((await fetch(`${server.url}/api/staff/me`, { headers: { cookie: `jm_staff=${studentToken}` } })).status).toBe(401);
    expect((await fetch(`${server.url}/api/survey`, { headers: { cookie: `jm_session=${staffToken}` } })).status).toBe(401);
  });

  it('the staff cookie is httpOnly, SameSite=Strict and scoped to /api/staff; a new one at every login', async () => {
    const login = () => fetch(`${server.url}/api/staff/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'observer@test.example', password: 'a-test-password-1' }) });
    const [a, b] = [await login(), await login()];
    const header = a.headers.getSetCookie().find((c) => c.startsWith('jm_staff='))!;
    expect(header).toMatch(/; Path=\/api\/staff(;|$)/);
    expect(header).toMatch(/; HttpOnly/);
    expect(header).toMatch(/; SameSite=Strict/);
    expect(b.headers.getSetCookie().find((c) => c.startsWith('jm_staff='))).not.toBe(header);
  });
});

describe('cross-site requests are refused and change nothing', () => {
  it.each([
    ['a JSON fetch from another site', { 'Sec-Fetch-Site': 'cross-site', Origin: 'https://evil.example' }],
    ['a form post from a page on another port of this host', { 'Content-Type': 'application/x-www-form-urlencoded', 'Sec-Fetch-Site': 'same-site', Origin: 'http://127.0.0.1:9' }],
    ['a JSON request whose Origin is another site', { Origin: 'https://evil.example' }],
  ] as [string, Record<string, string>][])('%s', async (_name, headers) => {
    const cookie = await staffCookie(server.url, 'admin@test.example');
    cookies.admin = cookie;
    const count = () => t.db.prepare('SELECT count(*) FROM classroom_sessions').pluck().get();
    const before = count();
    const create = rows().find((r) => r.name === 'create a session for another BRIN')!;
    const res = await call(create, 'admin', headers);
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('cross_site');
    expect(count()).toBe(before);
    const setting = await call(rows().find((r) => r.name === "change another BRIN's settings")!, 'admin', { ...headers, 'Content-Type': 'text/plain' });
    expect(setting.status).toBe(403);
  });
});

describe('the staff login', () => {
  it('locks an account after 5 wrong passwords (429 with Retry-After), and the right password then waits too', async () => {
    await createStaff(t, 'observer', 'locked@test.example');
    const attempt = (password: string) =>
      fetch(`${server.url}/api/staff/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'locked@test.example', password }) });
    for (let i = 0; i < 5; i++) expect((await attempt('wrong-password-x')).status).toBe(401);
    const locked = await attempt('a-test-password-1');
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await locked.json()).error.code).toBe('staff_login_locked');
  }, 60_000);
});
