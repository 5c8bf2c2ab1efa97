// `npm run bench`: runs every benchmark of the suite (bench/suite/registry.ts), each in its own process, then
// prints one table of figures against their targets and writes it to bench/results.json. Not part of `npm test`.
// Options: --quick (a small version of everything, under 2 minutes on 2 cores: a smoke run, not evidence),
// --only id,id (some benchmarks), --list. Exit code 1 when a figure misses its target or a benchmark fails.
import { cpus, loadavg, totalmem } from 'node:os';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BENCHMARKS } from './suite/registry.ts';
import { ROOT } from './suite/run-script.ts';
import { formatTable } from './suite/table.ts';
import type { BenchRow } from './suite/types.ts';

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, only: { type: 'string' }, list: { type: 'boolean', default: false } } });
const quick = values.quick;
if (values.list) {
  for (const b of BENCHMARKS) console.log(`${b.id.padEnd(8)} ${b.title} (about ${b.seconds.full} s, --quick ${b.seconds.quick} s)`);
  process.exit(0);
}
const only = values.only?.split(',').map((s) => s.trim());
const unknown = only?.filter((id) => !BENCHMARKS.some((b) => b.id === id)) ?? [];
if (unknown.length) throw new Error(`unknown benchmark ${unknown.join(', ')}; known: ${BENCHMARKS.map((b) => b.id).join(', ')}`);
const chosen = BENCHMARKS.filter((b) => !only || only.includes(b.id));

const started = new Date();
const estimate = chosen.reduce((n, b) => n + b.seconds[quick ? 'quick' : 'full'], 0);
console.log(`${quick ? 'Quick' : 'Full'} benchmark suite: ${chosen.map((b) => b.id).join(', ')} (about ${Math.ceil(estimate / 60)} min)`);
// The machine's load while the suite ran: figures measured beside other work are noisy, and the table says so.
// CPU pressure (Linux PSI, "some avg10"): the share of time something waited for a CPU.
const cpuPressure = (): number => {
  try {
    return Number(/some avg10=([\d.]+)/.exec(readFileSync('/proc/pressure/cpu', 'utf8'))?.[1] ?? NaN);
  } catch {
    return NaN;
  }
};
const load: number[] = [loadavg()[0]!];
const pressure: number[] = [cpuPressure()];
const sampler = setInterval(() => {
  load.push(loadavg()[0]!);
  pressure.push(cpuPressure());
}, 5000);

const rows: BenchRow[] = [];
const runs: { id: string; seconds: number; error?: string }[] = [];
for (const b of chosen) {
  const t = performance.now();
  process.stdout.write(`- ${b.id}: ${b.title} ... `);
  try {
    for (const r of await b.run({ quick, log: (line) => console.log(`  ${line}`) })) rows.push({ benchmark: b.id, ...r });
    runs.push({ id: b.id, seconds: Math.round((performance.now() - t) / 1000) });
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    runs.push({ id: b.id, seconds: Math.round((performance.now() - t) / 1000), error });
    rows.push({ benchmark: b.id, name: `${b.id}: did not finish`, figure: NaN, unit: 'count', target: { op: '>=', value: 1 }, pass: false, note: error });
  }
  console.log(`${runs.at(-1)!.seconds} s${runs.at(-1)!.error ? ' (failed)' : ''}`);
}
clearInterval(sampler);
load.push(loadavg()[0]!);

const failed = rows.filter((r) => r.pass === false);
const loadSummary = { min: round(Math.min(...load)), mean: round(load.reduce((a, b) => a + b, 0) / load.length), max: round(Math.max(...load)) };
const pressureMean = round(pressure.reduce((a, b) => a + b, 0) / pressure.length);
const seconds = Math.round((Date.now() - started.getTime()) / 1000);
console.log(`\n${formatTable(rows)}\n`);
console.log(
  `${rows.length - failed.length} of ${rows.length} rows pass or have no target; ${failed.length} fail. ${seconds} s on ${cpus().length} cores (${cpus()[0]?.model}); ` +
    `load average (1 min) during the run: min ${loadSummary.min}, mean ${loadSummary.mean}, max ${loadSummary.max}` +
    (Number.isFinite(pressureMean) ? `; CPU pressure: something waited for a CPU ${pressureMean}% of the time` : '') +
    (loadSummary.mean > cpus().length * 0.75 ? ' - the machine was busy with other work: figures are noisy.' : '.'),
);
if (quick) console.log('Quick run: small sizes, short rounds. The targets are for the full sizes; use a full run as evidence.');
writeFileSync(
  join(ROOT, 'bench', 'results.json'),
  JSON.stringify(
    {
      at: started.toISOString(),
      quick,
      seconds,
      machine: { cpus: cpus().length, model: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version },
      loadavg: loadSummary,
      cpuPressurePercent: Number.isFinite(pressureMean) ? pressureMean : null,
      runs,
      rows,
    },
    null,
    2,
  ) + '\n',
);
console.log('Written: bench/results.json (logs of each benchmark in bench/results/logs/)');
process.exitCode = failed.length ? 1 : 0;

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
