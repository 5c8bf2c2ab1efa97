#!/usr/bin/env node
// Prints each app's initial JavaScript (every script and modulepreload its built index.html references, gzip -9)
// and fails over budget: the student app (dist/client) 125 KB, the staff app (dist/client/staff) 150 KB. Also
// fails when a file of the student build holds staff code (the staff app's own locale keys are its marker).
import { readdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'client');
const apps = [
  { name: 'Student app', dir: dist, prefix: '/', budget: 125 * 1024 },
  { name: 'Staff app', dir: join(dist, 'staff'), prefix: '/staff/', budget: 150 * 1024 },
];
let failed = false;

for (const app of apps) {
  const html = readFileSync(join(app.dir, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="([^"]+\.js)"/g)].map((m) => m[1]);
  let total = 0;
  console.log(`${app.name}:`);
  for (const ref of new Set(refs)) {
    const file = ref.startsWith(app.prefix) ? ref.slice(app.prefix.length) : ref.replace(/^\.?\//, '');
    const bytes = gzipSync(readFileSync(join(app.dir, file)), { level: 9 }).length;
    total += bytes;
    console.log(`  ${ref.padEnd(48)} ${(bytes / 1024).toFixed(1).padStart(7)} KB gzip`);
  }
  console.log(`  initial JavaScript: ${(total / 1024).toFixed(1)} KB gzip (budget ${app.budget / 1024} KB)`);
  if (refs.length === 0) {
    console.error(`  no scripts found in ${join(app.dir, 'index.html')}`);
    failed = true;
  } else if (total > app.budget) {
    console.error(`  over budget by ${((total - app.budget) / 1024).toFixed(1)} KB`);
    failed = true;
  }
}

// Keys that only the staff locale has ("signedInAs", "nationalMedian"): in a student file they mean staff code.
const STAFF_MARKERS = ['signedInAs', 'nationalMedian'];
for (const file of readdirSync(join(dist, 'assets'))) {
  const text = readFileSync(join(dist, 'assets', file), 'utf8');
  const found = STAFF_MARKERS.filter((m) => text.includes(m));
  if (found.length) {
    console.error(`Student build file assets/${file} holds staff code (${found.join(', ')})`);
    failed = true;
  }
}
if (failed) process.exit(1);
