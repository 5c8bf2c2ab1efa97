// A server for the login benchmark, in its own process: the real app on a data dir, or an Express
// hello world as the baseline. Reports its port over IPC.
import express from 'express';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { createApp } from '../server/app.ts';
import { defaultConfig, databaseFile } from '../server/config.ts';
import { openDatabase } from '../server/db/index.ts';
import { startBackgroundCheckpoints } from '../server/db/checkpoints.ts';
import { threadWriter } from '../server/writes/writer.ts';
import { reportCpuOnRequest } from './loop-cpu.ts';
import { createLogger } from '../server/logger.ts';
import { loadSecret } from '../server/services/keys.ts';

const { values } = parseArgs({ options: { mode: { type: 'string' }, 'data-dir': { type: 'string' } } });
let app: express.Express | ReturnType<typeof createApp>;
if (values.mode === 'hello') {
  app = express();
  app.get('/', (_req, res) => {
    res.send('Hello World!');
  });
} else {
  // Every benchmark connection comes from 127.0.0.1, and about 2% of the generated students share school, surname
  // and birth date with another (the login asks them for gender, which counts as a failure). A real school's
  // address does not send 50,000 logins in a minute; the per-IP limit is set out of reach so it is not what is
  // measured. The per-target limit stays as configured.
  const base = defaultConfig({ dataDir: values['data-dir']!, clientDir: null });
  const config = { ...base, loginThrottle: { ...base.loginThrottle, ipFailures: Number.MAX_SAFE_INTEGER } };
  // The request log stays on at info, as in production; stdout goes nowhere, the serialising still costs.
  const db = openDatabase(databaseFile(config));
  // As `job-monitor serve` runs it: background checkpoints, writes on the event loop (BENCH_WRITER=thread runs
  // them in a writer thread instead, as WRITER_THREAD=true does, for comparison).
  startBackgroundCheckpoints(db);
  const writer = process.env.BENCH_WRITER !== 'thread' ? undefined : threadWriter({ file: databaseFile(config), autocheckpoint: false, secret: loadSecret(config.dataDir) });
  app = createApp({ db, config, logger: createLogger('info'), writer });
}
const server = app.listen(0, '127.0.0.1', () => {
  process.send!({ port: (server.address() as AddressInfo).port });
});
reportCpuOnRequest();
process.on('SIGTERM', () => server.close(() => process.exit(0)));
