// Label files through the staff API: upload and check (nothing stored), confirm (stored, responses re-tagged), cancel,
// history and status; a refused file changes nothing and is recorded by its counts only; the uploaded bytes live in
// the data folder only until the confirm, the cancel or the expiry; too large is cut off; cross-site uploads are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { request } from 'node:http';
import { FILE_NAME_HEADER, staffApi, withParams } from '../../server/api/endpoints.ts';
import type { LabelFileStatus, LabelHistory, LabelUploadCheck, LabelUploadResult } from '../../server/api/staff-labels.ts';
import { makeBsn } from '../../server/services/population/pgn.ts';
import type { PopulationRecord } from '../../server/services/population/records.ts';
import { currentLabels } from '../../server/services/survey/responses.ts';
import { TTL_MS } from '../../server/services/labels/label-uploads.ts';
import { createTestApp, student as anyStudent, type TestApp } from '../support/test-app.ts';
import { createStaff, listen, staffCookie } from '../support/staff.ts';
import { HEADER, labelRow, writeXlsx, type SheetRows } from '../support/label-files.ts';
import { dumpLabelTables } from '../support/label-import.ts';
import { confirmLabels, uploadLabels } from '../support/label-upload.ts';

let serial = 0;
const student = (over: Partial<PopulationRecord> = {}) => anyStudent({ pgn: makeBsn(400_000_000 + ++serial * 20), ...over });
const ours = Array.from({ length: 40 }, () => student({ brin: '25PZ' }));
const theirs = Array.from({ length: 5 }, () => student({ brin: '26AB', instellingsnaam: 'Ander College' }));

let t: TestApp;
let server: Awaited<ReturnType<typeof listen>>;
let coordinator = '';
let admin = '';
let observer = '';
const uploadsDir = () => join(t.dir, 'uploads');
const uploadsLeft = () => (existsSync(uploadsDir()) ? readdirSync(uploadsDir()) : []);

beforeAll(async () => {
  t = createTestApp({ population: [...ours, ...theirs] });
  server = await listen(t);
  await createStaff(t, 'institution', 'coordinator@test.example', '25PZ');
  await createStaff(t, 'admin', 'admin@test.example');
  await createStaff(t, 'observer', 'observer@test.example');
  coordinator = await staffCookie(server.url, 'coordinator@test.example');
  admin = await staffCookie(server.url, 'admin@test.example');
  observer = await staffCookie(server.url, 'observer@test.example');
  // Ten students of 25PZ have begun, before any label file: all "zonder label".
  for (const s of ours.slice(0, 10)) {
    const pgnKey = t.keyer.pgn(s.pgn);
    const { labelFileId, labels } = currentLabels(t.repos, s.brin, pgnKey);
    t.repos.responses.create({ brin: s.brin, pgnKey, questionnaireVersion: '2024-1', crebo: s.crebo, leerweg: s.leerweg, niveau: s.niveau, geslacht: s.geslacht, labelFileId, labels, now: t.clock.now.toISOString() });
  }
}, 60_000);
afterAll(async () => {
  await server.close();
  t.close();
});

async function file(name: string, rows: SheetRows): Promise<string> {
  const path = join(t.dir, name);
  await writeXlsx(path, { Blad1: rows });
  return path;
}
const good = (klas = 'K1') => [HEADER, ...ours.map((s) => labelRow({ pgn: s.pgn, respons: ['Hoofdstraat', 'AZ1', klas] }))];
const faulty = () => {
  const rows = good();
  rows[3] = labelRow({ pgn: '123456789', respons: ['Hoofdstraat', 'AZ1', 'K1'] }); // fails the check digit
  rows[5] = labelRow({ pgn: ours[0]!.pgn }); // the PGN of row 2 again
  return rows;
};
const json = async <T>(res: Response, status: number): Promise<T> => {
  const body = await res.text();
  expect(res.status, body).toBe(status);
  return (body ? JSON.parse(body) : undefined) as T;
};
const tagged = () => t.db.prepare("SELECT count(respons_3) FROM responses WHERE brin = '25PZ'").pluck().get() as number;
const history = async (cookie = coordinator, brin = '25PZ') => json<LabelHistory>(await fetch(`${server.url}${withParams(staffApi.labelHistory, { brin }).path}`, { headers: { cookie } }), 200);

describe('a refused file', () => {
  it('shows every error by row and column, changes nothing, keeps no bytes and is recorded by its counts', async () => {
    const before = dumpLabelTables(t);
    const path = await file('25PZ_Jobmonitor_20240110.xlsx', faulty());
    const check = await json<LabelUploadCheck>(await uploadLabels(server.url, { cookie: coordinator, brin: '25PZ', fileName: '25PZ_Jobmonitor_20240110.xlsx', body: path }), 201);
    expect(check.upload).toBeNull();
    expect(check.report.accepted).toBe(false);
    expect(check.report.counts.errors).toEqual({ pgn_invalid: 1, pgn_duplicate: 1 });
    expect(check.report.errors.map((e) => [e.code, e.row, e.column])).toEqual([
      ['pgn_invalid', 4, 'A'],
      ['pgn_duplicate', 6, 'A'],
    ]);
    expect(check.report).not.toHaveProperty('timingsMs');
    expect(dumpLabelTables(t)).toBe(before);
    expect(uploadsLeft()).toEqual([]);
    const h = await history();
    expect(h.files).toEqual([]);
    expect(h.refusals).toEqual([{ fileName: '25PZ_Jobmonitor_20240110.xlsx', refusedAt: t.clock.now.toISOString(), errors: 2, errorCounts: { pgn_invalid: 1, pgn_duplicate: 1 } }]);
    const refusal = t.db.prepare('SELECT * FROM label_refusals').get() as Record<string, unknown>;
    expect(Object.keys(refusal).sort()).toEqual(['brin', 'error_count', 'error_counts', 'file_name', 'id', 'refused_at']);
    const statuses = await json<LabelFileStatus[]>(await fetch(`${server.url}${staffApi.labelStatuses.path}`, { headers: { cookie: coordinator } }), 200);
    expect(statuses).toEqual([{ brin: '25PZ', name: 'ROC Testland', state: 'refused', current: null, lastRefusal: { fileName: '25PZ_Jobmonitor_20240110.xlsx', refusedAt: t.clock.now.toISOString() } }]);
  });
});

describe('an accepted file', () => {
  it('is checked without being stored, then confirmed: stored, current, responses re-tagged, the bytes removed', async () => {
    const before = dumpLabelTables(t);
    const path = await file('25PZ_Jobmonitor_20240111.xlsx', good());
    const check = await json<LabelUploadCheck>(await uploadLabels(server.url, { cookie: coordinator, brin: '25PZ', fileName: '25PZ_Jobmonitor_20240111.xlsx', body: path }), 201);
    expect(check.report.accepted).toBe(true);
    expect(check.report.dryRun).toBe(true);
    expect(check.report.counts).toMatchObject({ rows: 40, population: 40, matched: 40, zonderLabel: 0, responsesChanged: 10, responsesTagged: 10 });
    expect(check.report.preview).toEqual({ fileDate: '20240111', current: true });
    expect(check.upload!.id).toMatch(/^[0-9a-f]{32}$/);
    expect(dumpLabelTables(t)).toBe(before);
    expect(uploadsLeft()).toEqual([`${check.upload!.id}.upload`]);

    // Nobody else can confirm or cancel it: not another user, not for another institution.
    expect((await confirmLabels(server.url, admin, '25PZ', check.upload!.id)).status).toBe(404);
    expect((await confirmLabels(server.url, coordinator, '26AB', check.upload!.id)).status).toBe(403);

    t.clock.now = new Date(t.clock.now.getTime() + 60_000);
    const done = await json<LabelUploadResult>(await confirmLabels(server.url, coordinator, '25PZ', check.upload!.id), 200);
    expect(done.report.accepted).toBe(true);
    expect(done.report.dryRun).toBe(false);
    expect(done.report.labelFile).toMatchObject({ fileDate: '20240111', current: true });
    expect(done.report.counts.responsesChanged).toBe(10);
    expect(tagged()).toBe(10);
    expect(uploadsLeft()).toEqual([]);
    // Once only.
    expect((await confirmLabels(server.url, coordinator, '25PZ', check.upload!.id)).status).toBe(404);

    const h = await history();
    expect(h.files).toHaveLength(1);
    expect(h.files[0]).toMatchObject({ fileName: '25PZ_Jobmonitor_20240111.xlsx', status: 'current', rowCount: 40, matched: 40, zonderLabel: 0, responsesChanged: 10 });
    expect(h.files[0]).not.toHaveProperty('report');
    const [status] = await json<LabelFileStatus[]>(await fetch(`${server.url}${staffApi.labelStatuses.path}`, { headers: { cookie: admin } }), 200);
    expect(status).toMatchObject({ brin: '26AB', state: 'none', current: null, lastRefusal: null });
    const all = await json<LabelFileStatus[]>(await fetch(`${server.url}${staffApi.labelStatuses.path}`, { headers: { cookie: admin } }), 200);
    expect(all.find((s) => s.brin === '25PZ')).toMatchObject({ state: 'accepted', current: { fileName: '25PZ_Jobmonitor_20240111.xlsx', fileDate: '20240111' } });
  });

  it('a cancelled upload is removed and changes nothing; so is one that expired', async () => {
    const before = dumpLabelTables(t);
    const path = await file('25PZ_Jobmonitor_20240112.xlsx', good('K2'));
    const upload = async () => (await json<LabelUploadCheck>(await uploadLabels(server.url, { cookie: coordinator, brin: '25PZ', fileName: '25PZ_Jobmonitor_20240112.xlsx', body: path }), 201)).upload!;
    const first = await upload();
    const cancel = await fetch(`${server.url}${withParams(staffApi.cancelLabels, { brin: '25PZ', id: first.id }).path}`, { method: 'DELETE', headers: { 'Content-Type': 'application/json', cookie: coordinator } });
    expect(cancel.status).toBe(204);
    expect(uploadsLeft()).toEqual([]);
    expect((await confirmLabels(server.url, coordinator, '25PZ', first.id)).status).toBe(404);

    const second = await upload();
    const third = await upload(); // a new upload of the same user for the same institution replaces the waiting one
    expect(uploadsLeft()).toEqual([`${third.id}.upload`]);
    expect((await confirmLabels(server.url, coordinator, '25PZ', second.id)).status).toBe(404);
    t.clock.now = new Date(t.clock.now.getTime() + TTL_MS + 1000);
    const expired = await confirmLabels(server.url, coordinator, '25PZ', third.id);
    expect(expired.status).toBe(404);
    expect((await expired.json()).error.message).toMatch(/verlopen/);
    expect(uploadsLeft()).toEqual([]);
    expect(dumpLabelTables(t)).toBe(before);
  });
});

describe('limits and roles', () => {
  it('cuts off a file over 50 MB, announced or not, and keeps nothing of it', async () => {
    // Announced: answered 413 before a byte of the body is read.
    const announced = await new Promise<number>((resolve, reject) => {
      const req = request(`${server.url}${withParams(staffApi.uploadLabels, { brin: '25PZ' }).path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/octet-stream', [FILE_NAME_HEADER]: 'groot.csv', 'Content-Length': String(50 * 1024 * 1024 + 1), cookie: coordinator },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode!);
        req.destroy();
      });
      req.on('error', reject);
      req.write(Buffer.alloc(1024));
    });
    expect(announced).toBe(413);
    const chunk = Buffer.alloc(1024 * 1024, 0x41);
    const streamed = await fetch(`${server.url}${withParams(staffApi.uploadLabels, { brin: '25PZ' }).path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream', [FILE_NAME_HEADER]: 'groot.csv', cookie: coordinator },
      body: Readable.toWeb(Readable.from((function* () { for (let i = 0; i < 51; i++) yield chunk; })())) as ReadableStream,
      duplex: 'half',
    } as RequestInit).catch((err: unknown) => err);
    // Not announced (chunked): cut off at the limit; the answer may arrive before the client has sent it all.
    if (streamed instanceof Response) {
      expect(streamed.status).toBe(413);
      expect((await streamed.json()).error.code).toBe('too_large');
    } else expect(String(streamed)).toMatch(/fetch failed/);
    expect(uploadsLeft()).toEqual([]);
    expect((await history()).refusals).toHaveLength(1);
  }, 60_000);

  it("refuses another institution's upload and an observer's, before reading a byte", async () => {
    const path = await file('26AB_Jobmonitor_20240110.xlsx', [HEADER, ...theirs.map((s) => labelRow({ pgn: s.pgn }))]);
    for (const [cookie, brin] of [[coordinator, '26AB'], [observer, '26AB'], [observer, '25PZ']] as const) {
      const res = await uploadLabels(server.url, { cookie, brin, fileName: '26AB_Jobmonitor_20240110.xlsx', body: path });
      expect(res.status).toBe(403);
    }
    expect((await fetch(`${server.url}${withParams(staffApi.labelHistory, { brin: '26AB' }).path}`, { headers: { cookie: coordinator } })).status).toBe(403);
    expect((await fetch(`${server.url}${staffApi.labelStatuses.path}`, { headers: { cookie: observer } })).status).toBe(403);
    expect(uploadsLeft()).toEqual([]);
    expect(t.db.prepare("SELECT count(*) FROM label_refusals WHERE brin = '26AB'").pluck().get()).toBe(0);
  });

  it('an admin uploads for any institution; a file named for another BRIN is refused', async () => {
    const path = await file('25PZ_Jobmonitor_20240113.xlsx', [HEADER, ...theirs.map((s) => labelRow({ pgn: s.pgn }))]);
    const check = await json<LabelUploadCheck>(await uploadLabels(server.url, { cookie: admin, brin: '26AB', fileName: '25PZ_Jobmonitor_20240113.xlsx', body: path }), 201);
    expect(check.report.accepted).toBe(false);
    expect(check.report.errors.find((e) => e.code === 'brin_mismatch')!.message.nl).toBe('De BRIN in de bestandsnaam (25PZ) verschilt van die van de gekozen instelling (26AB).');
  });

  it('refuses a file name that is not one', async () => {
    for (const name of ['', '%E0%A4%A', encodeURIComponent('a\u0000b.xlsx')]) {
      const res = await fetch(`${server.url}${withParams(staffApi.uploadLabels, { brin: '25PZ' }).path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/octet-stream', [FILE_NAME_HEADER]: name, cookie: coordinator },
        body: 'x',
      });
      expect(res.status).toBe(name === '' ? 403 : 400); // without the header the CSRF check refuses it already
    }
  });
});

describe('cross-site uploads are refused and store nothing', () => {
  const cases: [string, Record<string, string>][] = [
    ['octet-stream without the file-name header (a no-cors fetch can send no custom header)', { 'Content-Type': 'application/octet-stream' }],
    ['a form upload (multipart) from a page on another port of this host', { 'Content-Type': 'multipart/form-data; boundary=x', 'Sec-Fetch-Site': 'same-site', Origin: 'http://127.0.0.1:9' }],
    ['a form post (text/plain) with the file as text', { 'Content-Type': 'text/plain' }],
    ['a fetch from another site with the header', { 'Content-Type': 'application/octet-stream', [FILE_NAME_HEADER]: '25PZ_Jobmonitor_20240114.xlsx', 'Sec-Fetch-Site': 'cross-site', Origin: 'https://evil.example' }],
    ['a request whose Origin is another site', { 'Content-Type': 'application/octet-stream', [FILE_NAME_HEADER]: '25PZ_Jobmonitor_20240114.xlsx', Origin: 'https://evil.example' }],
  ];
  it.each(cases)('%s', async (_name, headers) => {
    const path = await file('25PZ_Jobmonitor_20240114.xlsx', good('K9'));
    const before = dumpLabelTables(t);
    const refusals = t.db.prepare('SELECT count(*) FROM label_refusals').pluck().get();
    const res = await fetch(`${server.url}${withParams(staffApi.uploadLabels, { brin: '25PZ' }).path}`, { method: 'POST', headers: { cookie: coordinator, ...headers }, body: new Uint8Array(await import('node:fs').then((fs) => fs.readFileSync(path))) });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('cross_site');
    expect(uploadsLeft()).toEqual([]);
    expect(dumpLabelTables(t)).toBe(before);
    expect(t.db.prepare('SELECT count(*) FROM label_refusals').pluck().get()).toBe(refusals);
  });

  it('a preflight is never granted', async () => {
    const res = await fetch(`${server.url}${withParams(staffApi.uploadLabels, { brin: '25PZ' }).path}`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': FILE_NAME_HEADER.toLowerCase() },
    });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('access-control-allow-headers')).toBeNull();
  });

  it('the student API takes no upload at all, even with the header', async () => {
    const res = await fetch(`${server.url}/api/logout`, { method: 'POST', headers: { 'Content-Type': 'application/octet-stream', [FILE_NAME_HEADER]: 'x.xlsx' }, body: 'x' });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('cross_site');
  });
});
