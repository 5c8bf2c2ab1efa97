// Benchmark: a classroom wave (wave-run.ts) against a real `job-monitor serve` on 127.0.0.1. Prints latency per
// request type, saves per second, errors and the server's memory and CPU; writes bench/results/wave.json.
// Usage: npm run bench:wave -- [--students 2000] [--class-size 30] [--class-gap 2] [--speed 1.5] [--mistype 0.1]
//        [--population 600000] [--warmup 30] [--max-seconds 900] [--quick]
// --quick: 90 students, 20,000 in the population, 60x real pace: about 30 s, a smoke run.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_WAVE, runWave, type WaveOptions } from './wave-run.ts';

const QUICK: Partial<WaveOptions> = { students: 90, classGapSeconds: 1, speed: 60, population: 20_000, warmup: 10, maxSeconds: 90, settleSeconds: 5 };

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    students: { type: 'string' },
    'class-size': { type: 'string' },
    'class-gap': { type: 'string' },
    speed: { type: 'string' },
    mistype: { type: 'string' },
    population: { type: 'string' },
    warmup: { type: 'string' },
    'max-seconds': { type: 'string' },
    settle: { type: 'string' },
    connections: { type: 'string' },
  },
});
const given = (name: keyof typeof values) => (typeof values[name] === 'string' ? { value: Number(values[name]) } : null);
const options: WaveOptions = { ...DEFAULT_WAVE, ...(values.quick ? QUICK : {}) };
for (const [flag, key] of [
  ['students', 'students'],
  ['class-size', 'classSize'],
  ['class-gap', 'classGapSeconds'],
  ['speed', 'speed'],
  ['mistype', 'mistypeShare'],
  ['population', 'population'],
  ['warmup', 'warmup'],
  ['max-seconds', 'maxSeconds'],
  ['settle', 'settleSeconds'],
  ['connections', 'connections'],
] as const) {
  const v = given(flag);
  if (v) {
    if (!Number.isFinite(v.value) || v.value < 0) throw new Error(`--${flag} must be a number`);
    options[key] = v.value;
  }
}
// Bounded: a wave on this machine is never bigger than this, whatever is asked.
if (options.students > 20_000 || options.maxSeconds > 1800) throw new Error('at most 20,000 students and 1,800 s');

const report = await runWave({ ...options, progress: (line) => console.log(line) });

console.log(`\nClassroom wave: ${report.students.measured} students in ${report.students.classes} classes of ${options.classSize}, ${options.classGapSeconds} s apart, ${options.speed}x real pace, population ${options.population}`);
console.table(report.types.map((t) => ({ request: t.type, count: t.requests, 'p50 ms': t.p50, 'p99 ms': t.p99, 'max ms': t.max, statuses: JSON.stringify(t.statuses) })));
const s = report.server;
console.log(`completed ${report.students.completed} (confirmed by the server ${report.students.confirmedCompleted}), not completed ${report.students.notCompleted}, stopped by the time limit ${report.students.stopped}; at most ${report.students.peakActive} answering at once`);
console.log(`errors ${report.errors}; server error log lines ${report.serverErrorLogLines}; expected events ${JSON.stringify(report.outcomes)}`);
for (const e of report.errorSamples.slice(0, 5)) console.log(`  error at ${e.at} ms, ${e.type}: ${e.detail}`);
console.log(`saves: ${report.saves.total} (${report.saves.answers} answers); ${report.saves.meanPerSecond}/s over ${report.seconds} s, sustained ${report.saves.sustainedPerSecond}/s (best minute), peak ${report.saves.peak10sPerSecond}/s (best 10 s)`);
console.log(
  `server memory (MB, RSS / private / mapped file): at start ${fmt(s.memory.idle)}, before the wave ${fmt(s.memory.before)}, during it (median) ${fmt(s.memory.during)}, ` +
    `peak ${fmt(s.memory.peak)}, after it ${fmt(s.memory.after)}; private memory kept ${s.growthPercent}% (target <= 20%)`,
);
console.log(`server CPU: ${s.cpuPercentOfOneCore}% of one core on average, ${s.peakCpuPercentOfOneCore}% in the busiest 10 s; ${s.cpuMsPerRequest} ms per request, ${s.cpuMsPerStudent} ms per student; load generator CPU ${report.client.cpuMs} ms`);
console.log(`at real pace a student takes ${report.realTime.surveyMinutes} min; this wave stands for ${report.realTime.equivalentStudentsAtOnce} students answering at once; one core of server CPU carries about ${report.realTime.studentsPerServerCore}`);
console.log(`load average (1 min) ${report.loadavg.start} at start, ${report.loadavg.end} at end, at most ${report.loadavg.max}, on ${report.machine.cpus} cores`);

mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
writeFileSync(join(import.meta.dirname, 'results', 'wave.json'), JSON.stringify({ at: new Date().toISOString(), quick: values.quick, ...report }, null, 2) + '\n');

function fmt(m: { rssMb: number; anonMb: number; fileMb: number }): string {
  return `${m.rssMb}/${m.anonMb}/${m.fileMb}`;
}
