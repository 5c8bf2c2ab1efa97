// Benchmark: the bytes a phone downloads on a cold load of the student app (empty cache, first visit), in
// Chromium: everything the server sends, counted on the wire (the page's HTML, scripts, styles, icon, the school
// list, and the service worker with its precache), with the responses listed. Prints a table and writes
// bench/results/cold-load.json. Usage: npx tsx bench/cold-load.ts
import { chromium } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumLaunchOptions } from '../test/support/browser.ts';
import { startServer, removeDataDir } from '../test/e2e/server.ts';
import { measureColdLoad } from '../test/support/cold-load.ts';

const server = await startServer();
const browser = await chromium.launch(chromiumLaunchOptions());
let result;
try {
  result = await measureColdLoad(browser, server.url);
} finally {
  await browser.close();
  await server.stop();
  removeDataDir(server.dataDir);
}

console.log(`Cold load of the student app: ${result.wireBytes} bytes on the wire (${(result.wireBytes / 1024).toFixed(1)} KB)`);
console.table(result.requests);
mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
writeFileSync(join(import.meta.dirname, 'results', 'cold-load.json'), JSON.stringify({ at: new Date().toISOString(), ...result }, null, 2) + '\n');
