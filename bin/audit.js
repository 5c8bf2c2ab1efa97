#!/usr/bin/env node
// npm run audit: the production dependencies against the npm advisory database (`npm audit --omit=dev`), failing on
// high and critical advisories. Not part of npm test: it needs the advisory service, which not every machine (nor
// CI here) can reach. Exit codes: 0 no high or critical advisory, 1 there are some (listed), 2 the service could
// not be asked (nothing was checked; the reason is printed).
import { spawnSync } from 'node:child_process';

const r = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8', shell: process.platform === 'win32' });
let report;
try {
  report = JSON.parse(r.stdout);
} catch {
  report = null;
}
if (!report || !report.metadata) {
  const why = report?.message ?? (r.stderr.trim().split('\n').at(-1) || `npm audit exited with ${r.status}`);
  process.stderr.write(`audit: the advisory service could not be asked, so nothing was checked:\n  ${why}\n`);
  process.exit(2);
}
const high = Object.values(report.vulnerabilities ?? {}).filter((v) => v.severity === 'high' || v.severity === 'critical');
const counts = report.metadata.vulnerabilities;
process.stdout.write(`audit: ${report.metadata.dependencies?.prod ?? '?'} production dependencies; advisories: ` +
  `${counts.critical} critical, ${counts.high} high, ${counts.moderate} moderate, ${counts.low} low\n`);
for (const v of high) {
  const via = v.via.map((x) => (typeof x === 'string' ? x : `${x.title} (${x.url})`)).join('; ');
  process.stdout.write(`  ${v.severity}: ${v.name} ${v.range}: ${via}${v.fixAvailable ? ' (a fix is available: npm audit fix)' : ''}\n`);
}
process.exit(high.length ? 1 : 0);
