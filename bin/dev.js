#!/usr/bin/env node
// npm run dev: the API server (with the demo) on :3001 and the Vite dev server with hot reload on :5173,
// which proxies /api to it. Ctrl-C stops both.
import { spawn } from 'node:child_process';
import { createServer } from 'vite';

const api = spawn(process.execPath, ['bin/job-monitor.js', 'serve', '--demo', '--port', '3001', '--host', '127.0.0.1'], { stdio: 'inherit' });
const vite = await createServer({ configFile: 'vite.config.ts' });
await vite.listen();
vite.printUrls();

const stop = async () => {
  api.kill('SIGTERM');
  await vite.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
api.on('exit', (code) => {
  if (code) {
    console.error(`API server exited with ${code}`);
    void vite.close().then(() => process.exit(1));
  }
});
