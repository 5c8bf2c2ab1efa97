#!/usr/bin/env node
// Prints the student app's initial JavaScript (every script and modulepreload the built index.html
// references, gzip -9) and fails over budget.
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET = 125 * 1024;
const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'client');
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const refs = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="([^"]+\.js)"/g)].map((m) => m[1]);
let total = 0;
for (const ref of new Set(refs)) {
  const bytes = gzipSync(readFileSync(join(dist, ref.replace(/^\//, ''))), { level: 9 }).length;
  total += bytes;
  console.log(`  ${ref.padEnd(48)} ${(bytes / 1024).toFixed(1).padStart(7)} KB gzip`);
}
console.log(`Initial JavaScript: ${(total / 1024).toFixed(1)} KB gzip (budget ${BUDGET / 1024} KB)`);
if (refs.length === 0) {
  console.error('No scripts found in dist/client/index.html');
  process.exit(1);
}
if (total > BUDGET) {
  console.error(`Over budget by ${((total - BUDGET) / 1024).toFixed(1)} KB`);
  process.exit(1);
}
