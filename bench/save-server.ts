// Child process of bench/save.ts: an Express hello-world and the real job-monitor app (temporary WAL
// database with the demo population, request logging on as in production) in one process, plus session
// cookies of logged-in demo students. Reports ports and cookies to the parent over IPC.
import express from 'express';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createLogger } from '../server/logger.ts';
import { createApp } from '../server/app.ts';
import { databaseFile, defaultConfig } from '../server/config.ts';
import { createRepos, openDatabase } from '../server/db/index.ts';
import { startBackgroundCheckpoints } from '../server/db/checkpoints.ts';
import { reportCpuOnRequest } from './loop-cpu.ts';
import { createKeyer } from '../server/services/common/keys.ts';
import { seedDemo } from '../server/demo/seed.ts';
import { demoPopulation } from '../server/demo/demo-data.ts';

const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 50);

const listen = (app: express.Express) =>
  new Promise<Server>((ok) => {
    const s = app.listen(0, '127.0.0.1', () => ok(s));
  });

const dir = mkdtempSync(join(tmpdir(), 'jm-bench-'));
const config = defaultConfig({ dataDir: dir, clientDir: null, host: '127.0.0.1' });
const db = openDatabase(databaseFile(config));
const secret = randomBytes(32);
seedDemo(createRepos(db), createKeyer(secret));
// Logs go to stdout, which the parent discards: the cost of writing them is measured, as in production.
// As `job-monitor serve` runs it: background checkpoints, the production logger.
startBackgroundCheckpoints(db);
const app = createApp({ db, config, secret, logger: createLogger('info') });

const hello = express();
hello.disable('x-powered-by');
hello.get('/hello', (_req, res) => {
  res.json({ hello: 'world' });
});

const [appServer, helloServer] = await Promise.all([listen(app), listen(hello)]);
const appUrl = `http://127.0.0.1:${(appServer.address() as AddressInfo).port}`;

// Log in demo students whose (school, surname, birth date) is unique, one session per connection.
const population = demoPopulation();
const cookies: string[] = [];
for (const s of population) {
  if (cookies.length >= SESSIONS) break;
  if (population.some((o) => o !== s && o.brin === s.brin && o.geboortedatum === s.geboortedatum && o.achternaam === s.achternaam)) continue;
  const res = await fetch(`${appUrl}/api/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      brin: s.brin,
      surname: s.tussenvoegsel ? `${s.tussenvoegsel} ${s.achternaam}` : s.achternaam,
      birthDate: s.geboortedatum.split('-').reverse().join('-'),
    }),
  });
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (res.ok && ((await res.json()) as { status: string }).status === 'ok' && cookie) cookies.push(cookie);
}

process.send!({ appUrl, helloUrl: `http://127.0.0.1:${(helloServer.address() as AddressInfo).port}`, cookies });
reportCpuOnRequest();
process.on('disconnect', () => {
  appServer.close();
  helloServer.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
});
