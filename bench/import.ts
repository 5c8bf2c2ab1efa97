// Benchmark: importing a 600,000-row DUO population file (time and peak memory), first import and a
// replacing re-import. Runs the import in this process, so peak RSS is the whole process's.
// Usage: npm run bench:import -- [--rows 600000]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createRepos, openDatabase } from '../server/db/index.ts';
import { startBackgroundCheckpoints } from '../server/db/checkpoints.ts';
import { createKeyer, loadSecret } from '../server/services/common/keys.ts';
import { importPopulationFile } from '../server/services/population/import.ts';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '600000' } } });
const rows = Number(values.rows);
const file = `bench/results/population-${rows / 1000}k.csv`;
if (!existsSync(file)) {
  // A separate process, so generating does not count in this one's peak memory.
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/generate-population.ts', '--rows', String(rows), '--out', file], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(1);
}

const dir = mkdtempSync(join(tmpdir(), 'jm-bench-import-'));
const db = openDatabase(join(dir, 'job-monitor.sqlite'));
// As the import command runs it: checkpoints in a thread of their own.
const checkpoints = startBackgroundCheckpoints(db);
const repos = createRepos(db);
const keyer = createKeyer(loadSecret(dir));
const runs: { run: string; seconds: number; cpuSeconds: number; readSeconds: number; finishSeconds: number; peakRssMb: number }[] = [];
try {
  for (const run of ['first import', 're-import (replaces)']) {
    const t = performance.now();
    const cpu = process.cpuUsage();
    const r = await importPopulationFile(repos, keyer, file, '2023-12-01');
    if (!r.ok) throw new Error(`import rejected: ${r.problemCount} problems, first: ${JSON.stringify(r.problems[0])}`);
    runs.push({
      run,
      seconds: Math.round(performance.now() - t) / 1000,
      // CPU time of the whole process (all threads): the machine is shared, so wall time alone misleads.
      cpuSeconds: Math.round(((c) => (c.user + c.system) / 1000)(process.cpuUsage(cpu))) / 1000,
      // Reading is the worker threads' checking and keying; the finish is writing the set, the switch and the cleanup.
      readSeconds: r.timings.readMs / 1000,
      finishSeconds: r.timings.finishMs / 1000,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    });
  }
} finally {
  await checkpoints.stop();
  db.close();
}
const dbMb = Math.round(statSync(join(dir, 'job-monitor.sqlite')).size / 1e6);
rmSync(dir, { recursive: true, force: true });

console.table(runs);
const result = {
  benchmark: 'import-population',
  rows,
  fileMb: Math.round(statSync(file).size / 1e6),
  databaseMb: dbMb,
  runs,
  targets: { seconds: 10, peakRssMb: 1024 },
  machine: { cpus: cpus().length, model: cpus()[0]?.model, loadavgAtEnd: loadavg().map((l) => Math.round(l * 100) / 100), node: process.version },
  at: new Date().toISOString(),
};
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/import.json', JSON.stringify(result, null, 2) + '\n');
console.log(`file ${result.fileMb} MB -> database ${dbMb} MB; load average at end ${result.machine.loadavgAtEnd.join(' ')} on ${result.machine.cpus} cores`);
