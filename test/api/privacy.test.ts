// Privacy by design: after importing a population through the real CLI and CSV path and logging students in,
// no PGN, surname or birth date of the input is anywhere in the database files or in the logs.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import request from 'supertest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { main } from '../../server/cli/main.ts';
import { createApp } from '../../server/app.ts';
import { defaultConfig, databaseFile } from '../../server/config.ts';
import { openDatabase, type Db } from '../../server/db/index.ts';
import { loadSecret } from '../../server/services/common/keys.ts';
import { makeBsn } from '../../server/services/population/pgn.ts';
import { normaliseName } from '../../server/services/population/names.ts';
import { student } from '../support/test-app.ts';
import { writePopulationFile } from '../support/population-file.ts';

const people = [
  student({ pgn: makeBsn(612345000), achternaam: 'Berg', tussenvoegsel: 'van der', geboortedatum: '2005-03-09' }),
  student({ pgn: makeBsn(612346000), achternaam: 'Çelik', geboortedatum: '2004-12-24', geslacht: 'M' }),
  student({ pgn: makeBsn(612347000), achternaam: 'Yılmaz', geboortedatum: '2006-01-31', geslacht: 'X' }),
  student({ pgn: makeBsn(612348000), achternaam: 'Jansen-de Vries', geboortedatum: '2003-07-15', geslacht: null }),
  student({ pgn: makeBsn(612349000), achternaam: "D'Souza", geboortedatum: '2005-11-02' }),
  student({ pgn: '101101102', achternaam: 'Wijnaldum', tussenvoegsel: 'ter', geboortedatum: '2002-02-20' }), // an onderwijsnummer
];
const dutch = (iso: string) => iso.split('-').reverse().join('-');

/** Every string that must never be stored or logged. */
const secrets = [...new Set(people.flatMap((p) => [
  p.pgn,
  p.achternaam,
  normaliseName(p.achternaam),
  `${p.tussenvoegsel} ${p.achternaam}`.trim(),
  normaliseName(`${p.tussenvoegsel} ${p.achternaam}`),
  p.geboortedatum,
  dutch(p.geboortedatum),
  p.geboortedatum.replaceAll('-', ''),
]))];

let dir: string;
let db: Db;
const logs: string[] = [];
const cliOutput: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jm-privacy-'));
  const file = writePopulationFile(join(tmpdir(), `jm-privacy-${process.pid}.csv`), people, { bom: true, dateStyle: 'dutch' });
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (cliOutput.push(String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (cliOutput.push(String(chunk)), true));
  try {
    expect(await main(['node', 'job-monitor', '--data-dir', dir, 'import-population', file, '--peildatum', '2023-12-01'])).toBe(0);
  } finally {
    out.mockRestore();
    err.mockRestore();
    rmSync(file);
  }
  expect(cliOutput.join('')).toMatch(/6 studenten/);

  const config = defaultConfig({ dataDir: dir, clientDir: null });
  db = openDatabase(databaseFile(config));
  const logger = pino({ level: 'trace' }, { write: (s: string) => void logs.push(s) });
  const app = createApp({ db, config, logger, secret: loadSecret(dir) });
  for (const p of people) {
    const login = { brin: p.brin, surname: `${p.tussenvoegsel} ${p.achternaam}`.trim(), birthDate: dutch(p.geboortedatum) };
    const agent = request.agent(app);
    await agent.post('/api/login').send(login).expect(200);
    await agent.put('/api/survey/answers').send({ answers: [{ questionId: 'leerjaar', value: 'j1', seq: 1 }] }).expect(200);
    await request(app).post('/api/login').send({ ...login, birthDate: '01-01-2001' }).expect(401);
    await request(app).post('/api/login').send({ ...login, surname: 'x' + login.surname }).expect(401);
    await request(app).post('/api/login').send({ ...login, birthDate: '31-02-2001' }).expect(400);
  }
});

afterAll(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

const found = (bytes: Buffer) => secrets.filter((s) => bytes.includes(Buffer.from(s, 'utf8')) || bytes.includes(Buffer.from(s, 'utf16le')));

describe('privacy by design', () => {
  it('imported and logged in: the students are there', () => {
    expect(db.prepare('SELECT count(*) FROM population').pluck().get()).toBe(people.length);
    expect(db.prepare('SELECT count(*) FROM responses').pluck().get()).toBe(people.length);
  });

  it('holds no PGN, surname or birth date in the database file, its WAL or its shared memory', () => {
    const files = ['', '-wal', '-shm'].map((s) => databaseFile({ dataDir: dir }) + s).filter((f) => existsSync(f));
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const f of files) expect(found(readFileSync(f)), f).toEqual([]);
    // After a checkpoint everything sits in the main file: still nothing.
    db.pragma('wal_checkpoint(TRUNCATE)');
    expect(found(readFileSync(databaseFile({ dataDir: dir })))).toEqual([]);
  });

  it('the search itself works: it finds what is there', () => {
    const planted = Buffer.from(`x${people[1]!.achternaam}x${dutch(people[0]!.geboortedatum)}x${people[5]!.pgn}`);
    expect(found(planted).sort()).toEqual([people[1]!.achternaam, dutch(people[0]!.geboortedatum), people[5]!.pgn].sort());
  });

  it('logs none of them, nor does the import command print them', () => {
    expect(logs.length).toBeGreaterThan(people.length);
    expect(found(Buffer.from(logs.join('\n')))).toEqual([]);
    expect(found(Buffer.from(cliOutput.join('')))).toEqual([]);
  });
});
