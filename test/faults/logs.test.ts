// No personal data in logs: a served job-monitor at the most talkative log level, fed by the real commands (a
// population import, a label import with errors, a refused population file), with right, wrong and malformed logins,
// saves and a storage fault. Every line any process printed is searched for the population's names, birth dates
// (every way of writing them) and PGNs.
import { afterAll, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { student } from '../support/test-app.ts';
import { makeBsn } from '../../server/services/population/pgn.ts';
import { writePopulationFile } from '../support/population-file.ts';
import { HEADER, labelRow, writeXlsx } from '../support/label-files.ts';

const BIN = resolve(import.meta.dirname, '..', '..', 'bin', 'job-monitor.js');
const dir = mkdtempSync(join(tmpdir(), 'jm-logs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env = { ...process.env, LOG_LEVEL: 'trace' };
const people = [
  student({ pgn: makeBsn(712345000), achternaam: 'Oosterhuis', tussenvoegsel: 'van', geboortedatum: '2005-03-09' }),
  student({ pgn: makeBsn(712346000), achternaam: 'Çelik', geboortedatum: '2004-12-24' }),
  student({ pgn: '101101102', achternaam: 'Wijnaldum', geboortedatum: '2002-02-20' }),
];
const dutch = (iso: string) => iso.split('-').reverse().join('-');
const secrets = people.flatMap((p) => [p.pgn, p.achternaam, p.geboortedatum, dutch(p.geboortedatum), p.geboortedatum.replaceAll('-', '')]);
let log = '';
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, '--data-dir', dir, ...args], { encoding: 'utf8', env });
  log += r.stdout + r.stderr;
  return r.status;
};

it('no name, birth date or PGN of the population in anything printed or logged', async () => {
  expect(run('import-population', writePopulationFile(join(dir, 'pop.csv'), people), '--peildatum', '2023-12-01')).toBe(0);
  expect(run('import-population', writePopulationFile(join(dir, 'bad.csv'), [{ ...people[0]!, geboortedatum: '2005-13-40' }]), '--peildatum', '2023-12-01')).toBe(1);
  const labels = join(dir, '25PZ_Jobmonitor_20231115.xlsx');
  await writeXlsx(labels, { Blad1: [HEADER, ...people.map((p) => labelRow({ pgn: p.pgn })), labelRow({ pgn: people[0]!.pgn })] });
  expect(run('import-labels', labels)).toBe(1); // a duplicate PGN: refused, with its row

  const server = spawn(process.execPath, [BIN, '--data-dir', dir, '--port', '0', 'serve', '--host', '127.0.0.1'], { env });
  server.stdout.on('data', (b: Buffer) => (log += b.toString()));
  server.stderr.on('data', (b: Buffer) => (log += b.toString()));
  const url = await new Promise<string>((ok, fail) => {
    const check = setInterval(() => {
      const m = /running at (http:\/\/[\d.]+:\d+)/.exec(log);
      if (m) ok((clearInterval(check), m[1]!));
    }, 50);
    server.once('exit', (code) => fail(new Error(`serve exited ${code}`)));
  });
  try {
    await exercise(url);
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }

  expect(log).toMatch(/"msg":"request"/); // the server did log, at trace level
  expect(log).toMatch(/rij \d+|row \d+/); // and the label report named rows
  const found = secrets.filter((s) => log.includes(s));
  expect(found).toEqual([]);
}, 90_000);

/** Right, wrong and malformed logins and saves of every student, and a storage fault on a save. */
async function exercise(url: string): Promise<void> {
  const post = (body: unknown, cookie = '') =>
    fetch(`${url}/api/login`, { method: 'POST', headers: { 'Content-Type': 'application/json', cookie }, body: JSON.stringify(body) });
  for (const p of people) {
    const surname = `${p.tussenvoegsel} ${p.achternaam}`.trim();
    const ok = await post({ brin: '25PZ', surname, birthDate: dutch(p.geboortedatum) });
    expect(ok.status).toBe(200);
    const cookie = ok.headers.get('set-cookie')!.split(';')[0]!;
    await fetch(`${url}/api/survey/answers`, { method: 'PUT', headers: { 'Content-Type': 'application/json', cookie }, body: JSON.stringify({ answers: [{ questionId: 'opmerkingen', value: `${surname} ${p.pgn}`, seq: 1 }] }) });
    expect((await post({ brin: '25PZ', surname, birthDate: '01-01-2001' })).status).toBe(401);
    expect((await post({ brin: '25PZ', surname: p.pgn, birthDate: dutch(p.geboortedatum) })).status).toBe(401);
    expect((await post({ brin: '25PZ', surname, birthDate: `${dutch(p.geboortedatum)}x` })).status).toBe(400);
    // A storage fault on a save that holds the name: logged, without the body.
    if (process.getuid?.() === 0) {
      const wal = join(dir, 'job-monitor.sqlite-wal');
      execFileSync('chattr', ['+i', wal]);
      try {
        const res = await fetch(`${url}/api/survey/answers`, { method: 'PUT', headers: { 'Content-Type': 'application/json', cookie }, body: JSON.stringify({ answers: [{ questionId: 'opmerkingen', value: `${surname} ${p.geboortedatum}`, seq: 2 }] }) });
        expect(res.status).toBe(503);
      } finally {
        execFileSync('chattr', ['-i', wal]);
      }
    }
  }
}
