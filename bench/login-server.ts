// A server for the login benchmark, in its own process: the real app on a data dir, or an Express
// hello world as the baseline. Reports its port over IPC.
import express from 'express';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { createApp } from '../server/app.ts';
import { defaultConfig, databaseFile } from '../server/config.ts';
import { openDatabase } from '../server/db/index.ts';
import { startBackgroundCheckpoints } from '../server/db/checkpoints.ts';
import { reportCpuOnRequest } from './loop-cpu.ts';
import { createLogger } from '../server/logger.ts';

const { values } = parseArgs({ options: { mode: { type: 'string' }, 'data-dir': { type: 'string' } } });
let app: express.Express | ReturnType<typeof createApp>;
if (values.mode === 'hello') {
  app = express();
  app.get('/', (_req, res) => {
    res.send('Hello World!');
  });
} else {
  // Every benchmark connection comes from 127.0.0.1: a real school's address does not send 50,000 logins in a
  // minute, so the per-IP limit is set out of reach and is not what is measured. The other limits stay as configured.
  const base = defaultConfig({ dataDir: values['data-dir']!, clientDir: null });
  const config = { ...base, loginThrottle: { ...base.loginThrottle, ipFailures: Number.MAX_SAFE_INTEGER } };
  // The request log stays on at info, as in production; stdout goes nowhere, the serialising still costs.
  const db = openDatabase(databaseFile(config));
  // As `job-monitor serve` runs it: background checkpoints.
  startBackgroundCheckpoints(db);
  app = createApp({ db, config, logger: createLogger('info') });
}
const server = app.listen(0, '127.0.0.1', () => {
  process.send!({ port: (server.address() as AddressInfo).port });
});
reportCpuOnRequest();
process.on('SIGTERM', () => server.close(() => process.exit(0)));
