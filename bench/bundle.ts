// Benchmark: the student app as built and as a browser receives it. Bundle: the initial JavaScript the built
// index.html references (raw, gzip -9, brotli), budget 125 KB gzip. Cold load: a fresh Chromium profile opens the
// login page served by a real `job-monitor serve`; the bytes on the wire as Chromium reports them (headers and
// encoded bodies) for the page itself, target < 130 KB; the service worker's precache that follows is listed apart.
// Writes bench/results/bundle.json. Usage: npm run bench:bundle [-- --build] [-- --runs 3]
import { chromium, type Browser } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromiumLaunchOptions } from '../test/support/browser.ts';
import { removeDataDir, startServer } from '../test/e2e/server.ts';

const { values } = parseArgs({ options: { build: { type: 'boolean', default: false }, runs: { type: 'string', default: '3' } } });
const ROOT = join(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist', 'client');
const BUDGET_KB = { initialJsGzip: 125, coldLoad: 130 };

if (values.build || !existsSync(join(DIST, 'index.html'))) {
  const t = performance.now();
  // The whole build (student and staff app), as `npm run build` makes it: a student build alone would empty
  // dist/client and leave the staff app unserved.
  const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm run build failed');
  console.log(`built in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

// What the build holds: the initial JS (as bin/check-bundle.js counts it) and every file it serves.
const kb = (n: number) => Math.round(n / 102.4) / 10;
const sizes = (file: string) => {
  const raw = readFileSync(file);
  return { raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length, brotli: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length };
};
const html = readFileSync(join(DIST, 'index.html'), 'utf8');
const initialRefs = [...new Set([...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="([^"]+\.js)"/g)].map((m) => m[1]!))];
const initial = initialRefs.map((ref) => ({ file: ref, ...sizes(join(DIST, ref.replace(/^\//, ''))) }));
const sum = (xs: { raw: number; gzip: number; brotli: number }[]) => ({
  raw: xs.reduce((n, x) => n + x.raw, 0),
  gzip: xs.reduce((n, x) => n + x.gzip, 0),
  brotli: xs.reduce((n, x) => n + x.brotli, 0),
});
const walk = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));
const served = walk(DIST).filter((f) => /\.(js|css|html)$/.test(f));
const initialJs = sum(initial);
const allFiles = sum(served.map(sizes));

interface Transfer {
  url: string;
  bytes: number;
  fromServiceWorker: boolean;
  encoding: string | undefined;
}

/** One cold load in a fresh profile: every response the page and its service worker received, in wire bytes. */
async function coldLoad(browser: Browser, url: string): Promise<{ page: Transfer[]; serviceWorker: Transfer[] }> {
  const context = await browser.newContext({ viewport: { width: 360, height: 640 }, locale: 'nl-NL' });
  const page: Transfer[] = [];
  const serviceWorker: Transfer[] = [];
  const pending: Promise<void>[] = [];
  context.on('requestfinished', (req) => {
    pending.push(
      (async () => {
        const s = await req.sizes();
        const res = await req.response();
        const t = { url: req.url().replace(url, ''), bytes: s.responseHeadersSize + s.responseBodySize, fromServiceWorker: res?.fromServiceWorker() ?? false, encoding: (await res?.allHeaders())?.['content-encoding'] };
        // Requests the service worker makes itself (its precache) are counted apart from the page's.
        (req.serviceWorker() ? serviceWorker : page).push(t);
      })(),
    );
  });
  const tab = await context.newPage();
  await tab.goto(url, { waitUntil: 'load' });
  await tab.getByRole('button', { name: 'Inloggen' }).waitFor();
  // The service worker registers after load and precaches the shell; wait until it is active.
  await tab.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await tab.waitForLoadState('networkidle');
  await Promise.all(pending);
  await context.close();
  return { page, serviceWorker };
}

const server = await startServer({ env: { LOG_LEVEL: 'warn' } });
const runs: { page: Transfer[]; serviceWorker: Transfer[] }[] = [];
try {
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    for (let i = 0; i < Math.max(1, Number(values.runs)); i++) runs.push(await coldLoad(browser, server.url));
  } finally {
    await browser.close();
  }
} finally {
  await server.stop();
  removeDataDir(server.dataDir);
}

const total = (xs: Transfer[]) => xs.reduce((n, x) => n + x.bytes, 0);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const coldLoadBytes = median(runs.map((r) => total(r.page)));
const precacheBytes = median(runs.map((r) => total(r.serviceWorker)));
const last = runs.at(-1)!;

console.log('Initial JavaScript of the built student app');
console.table(initial.map((f) => ({ file: f.file, 'raw KB': kb(f.raw), 'gzip KB': kb(f.gzip), 'brotli KB': kb(f.brotli) })));
console.log(`initial JS: ${kb(initialJs.raw)} KB raw, ${kb(initialJs.gzip)} KB gzip (budget ${BUDGET_KB.initialJsGzip}), ${kb(initialJs.brotli)} KB brotli`);
console.log(`all served JS/CSS/HTML: ${kb(allFiles.raw)} KB raw, ${kb(allFiles.gzip)} KB gzip, ${kb(allFiles.brotli)} KB brotli`);
console.log(`Cold load in Chromium (fresh profile, 360x640), ${runs.length} runs, median:`);
console.table([...last.page, ...last.serviceWorker].map((t) => ({ url: t.url || '/', by: last.serviceWorker.includes(t) ? 'service worker' : 'page', KB: kb(t.bytes), encoding: t.encoding ?? 'none' })));
console.log(`page: ${kb(coldLoadBytes)} KB on the wire (target < ${BUDGET_KB.coldLoad})`);
// The precache mostly comes from the HTTP cache the page just filled (0 bytes); Chromium reports no size for a
// script the service worker imports (workbox-*.js), so this is a lower bound.
console.log(`service worker after it: ${last.serviceWorker.length} requests, at least ${kb(precacheBytes)} KB`);

mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
writeFileSync(
  join(ROOT, 'bench', 'results', 'bundle.json'),
  JSON.stringify({ at: new Date().toISOString(), targetsKb: BUDGET_KB, initial, initialJs, allFiles, coldLoadBytes, precacheBytes, runs }, null, 2) + '\n',
);
process.exitCode = kb(initialJs.gzip) <= BUDGET_KB.initialJsGzip && kb(coldLoadBytes) < BUDGET_KB.coldLoad ? 0 : 1;
