// Child process of bench/classroom-live.ts: the real app (temporary WAL database, production logger) with 6,000
// students at 20 institutions, all logged in through 200 classroom sessions of 30 (their cookies), and one
// observer's staff cookie for the live views. Reports over IPC; answers the CPU questions of bench/loop-cpu.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createLogger } from '../server/logger.ts';
import { createApp, createServices } from '../server/app.ts';
import { databaseFile, defaultConfig } from '../server/config.ts';
import { createRepos, openDatabase } from '../server/db/index.ts';
import { startBackgroundCheckpoints } from '../server/db/checkpoints.ts';
import { createKeyer } from '../server/services/common/keys.ts';
import { replacePopulation, type PopulationRecord } from '../server/services/population/records.ts';
import { makeBsn } from '../server/services/population/pgn.ts';
import { reportCpuOnRequest } from './loop-cpu.ts';

export const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 6000);
export const CLASS_SIZE = 30;
const INSTITUTIONS = 20;

const dir = mkdtempSync(join(tmpdir(), 'jm-bench-live-'));
const config = defaultConfig({ dataDir: dir, clientDir: null, host: '127.0.0.1' });
const db = openDatabase(databaseFile(config));
const secret = randomBytes(32);
/** A surname of letters only (a login compares letters): Student + i in base 26. */
const surname = (i: number) => `Student${[...i.toString(26)].map((c) => String.fromCharCode(97 + parseInt(c, 26))).join('')}`;
const brinOf = (i: number) => `${String(10 + (i % INSTITUTIONS)).padStart(2, '0')}BM`;
const population: PopulationRecord[] = Array.from({ length: STUDENTS }, (_, i) => ({
  pgn: makeBsn(100000 + i * 100), // 10 check-digit blocks apart: never two students with one PGN
  brin: brinOf(Math.floor(i / CLASS_SIZE)),
  instellingsnaam: `Benchmark College ${brinOf(Math.floor(i / CLASS_SIZE))} (fictief)`,
  crebo: '25655',
  leerweg: 'BOL',
  niveau: 4,
  geslacht: null,
  achternaam: surname(i),
  tussenvoegsel: '',
  voorletters: 'A.',
  geboortedatum: '2005-03-09',
}));
replacePopulation(createRepos(db), createKeyer(secret), '2023-12-01', population);
startBackgroundCheckpoints(db);
const logger = createLogger('info');
const services = createServices({ db, config, secret, logger });
const app = createApp({ db, config, secret, logger, services });
const server = await new Promise<Server>((ok) => {
  const s = app.listen(0, '127.0.0.1', () => ok(s));
});
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

// One observer account; 200 sessions of 30; every student logs in with their session's code (in-process: the login
// service, as the route calls it).
await services.accounts.create({ email: 'observer@bench.example', role: 'observer', password: 'benchmark-password' });
// A staff session may hold 10 live streams (tabs): 20 sign-ins carry the 200 views (fewer for a smaller run: each
// sign-in is a deliberately slow scrypt).
const staffCookies: string[] = [];
const signIns = Math.ceil(Math.min(200, Math.ceil(STUDENTS / CLASS_SIZE)) / 10);
for (let i = 0; i < signIns; i++) staffCookies.push(`jm_staff=${(await services.staffSessions.login('observer@bench.example', 'benchmark-password', '127.0.0.1')).token}`);
const who = { id: 1, email: 'observer@bench.example', role: 'observer' as const, brin: null };
const sessionIds: number[] = [];
const cookies: string[] = [];
for (let c = 0; c * CLASS_SIZE < STUDENTS; c++) {
  const s = await services.classroom.create(who, { brin: brinOf(c), name: `Klas ${c + 1}` });
  sessionIds.push(s.id);
  for (let i = c * CLASS_SIZE; i < Math.min(STUDENTS, (c + 1) * CLASS_SIZE); i++) {
    const r = await services.login.login({ brin: brinOf(c), surname: surname(i), birthDate: '2005-03-09', classroom: s.code }, '127.0.0.1');
    if (!r.sessionToken) throw new Error(`student ${i} did not log in: ${JSON.stringify(r.result)}`);
    cookies.push(`jm_session=${r.sessionToken}`);
  }
}

process.send!({ url, staffCookies, sessionIds, cookies });
reportCpuOnRequest();
process.on('message', (m) => {
  if ((m as { cmd?: string }).cmd === 'stats') process.send!(services.classroom.stats());
});
process.on('disconnect', () => {
  services.classroom.close();
  server.closeAllConnections();
  server.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
});
