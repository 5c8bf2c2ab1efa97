// A classroom wave against a real server: classes of students that start a few seconds apart, each student
// answering the whole questionnaire as the browser would (wave-student.ts), after a warm-up class. Measures
// latency per request type, acknowledged saves per second, errors, and the server's memory and CPU time; then
// checks through the API that every student who finished is recorded as completed. Bounded in time and count.
import { cpus, loadavg } from 'node:os';
import { rng } from '../server/demo/demo-data.ts';
import { buildClasses } from './wave-classes.ts';
import { WaveHttp, errorCode } from './wave-http.ts';
import { cpuMsOf, memoryOf, startHelloWorld, startWaveServer, type Memory, type WaveServer } from './wave-server.ts';
import { bestWindow, WaveStats, type TypeSummary } from './wave-stats.ts';
import { runStudent, type StudentOutcome, type WaveStudent } from './wave-student.ts';

export interface WaveOptions {
  students: number;
  classSize: number;
  /** Wall-clock seconds between the starts of two classes (not compressed). */
  classGapSeconds: number;
  /** Every pause and client timer runs this many times faster than a real student's. */
  speed: number;
  mistypeShare: number;
  /** Rows of the generated population the server holds. */
  population: number;
  /** Students of a warm-up class before the measured wave (not measured). */
  warmup: number;
  /** The wave stops here, finished or not. */
  maxSeconds: number;
  /** Idle seconds before the wave (twice as many after it) in which the server's memory is read. */
  settleSeconds: number;
  connections: number;
  seed: number;
  /** A server already running on loopback with this population imported; by default the wave starts its own. */
  server?: WaveServer;
  progress?: (line: string) => void;
}

export const DEFAULT_WAVE: WaveOptions = {
  students: 2000,
  classSize: 30,
  classGapSeconds: 2,
  speed: 1.5,
  mistypeShare: 0.1,
  population: 600_000,
  warmup: 30,
  maxSeconds: 900,
  settleSeconds: 10,
  connections: 2000,
  seed: 18,
};

interface Sample {
  t: number;
  active: number;
  memory: Memory;
  serverCpuMs: number;
  loadavg1: number;
}

export async function runWave(o: WaveOptions) {
  const log = o.progress ?? (() => undefined);
  const rand = rng(o.seed);
  log(`building ${o.students + o.warmup} students in classes of ${o.classSize} from a population of ${o.population} ...`);
  const { classes, spare: warmup } = buildClasses(o.population, o.students, o.classSize, o.mistypeShare, rand, o.warmup);
  const server = o.server ?? (await startWaveServer(o.population));
  const importSeconds = 'importSeconds' in server ? server.importSeconds : null;
  const idle = memoryOf(server.pid);
  const loadStart = loadavg()[0]!;
  const deadline = AbortSignal.timeout(o.maxSeconds * 1000);

  // What the built index.html loads: its scripts and styles (none when the client is not built).
  const probe = new WaveHttp(server.url, new WaveStats(), 4);
  const shell = await probe.call('page load', 'GET', '/');
  await probe.close();
  const assets = shell.status === 200 ? [...shell.body.matchAll(/<(?:script[^>]*\bsrc|link[^>]*\bhref)="(\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!) : [];
  if (assets.length === 0) log('no built client is served: the page load is left out (npm run build first)');

  const run = (stats: WaveStats, speed: number) => ({ http: new WaveHttp(server.url, stats, o.connections), stats, speed, signal: deadline, assets });
  try {
    log(`warm-up: ${warmup.length} students at ${o.speed * 10}x ...`);
    const w = run(new WaveStats(), o.speed * 10);
    await Promise.all(warmup.map((s, i) => runStudent(s, 100_000 + i, { ...w, rand: rng(o.seed + 100_000 + i) })));
    await w.http.close();

    // Memory before and after the wave is read with the server idle, once V8 has given back what the load left
    // behind (it does so a few seconds after the allocation rate drops): what stays is what the server keeps.
    const before = await settledMemory(server.pid, o.settleSeconds);
    const stats = new WaveStats();
    const r = run(stats, o.speed);
    const hello = await startHelloWorld();
    const baseline = new WaveHttp(hello.url, stats, 1);
    const probe = setInterval(() => void baseline.call('baseline', 'GET', '/'), 200);
    const start = { memory: memoryOf(server.pid), cpuMs: cpuMsOf(server.pid), clientCpu: process.cpuUsage(), t: performance.now() };
    const samples: Sample[] = [];
    let active = 0;
    let finished = 0;
    const durations: number[] = [];
    const sampler = setInterval(() => {
      const t = Math.round((performance.now() - start.t) / 1000);
      const s = { t, active, memory: memoryOf(server.pid), serverCpuMs: cpuMsOf(server.pid) - start.cpuMs, loadavg1: loadavg()[0]! };
      samples.push(s);
      if (t % 10 === 0 || samples.length === 1) {
        const last = stats.savesPerSecond.slice(-10);
        log(`t=${t}s active ${active} finished ${finished} saves/s ${Math.round(last.reduce((a, b) => a + b, 0) / Math.max(1, last.length))} server RSS ${s.memory.rssMb} MB (private ${s.memory.anonMb}) load ${s.loadavg1.toFixed(1)}`);
      }
    }, 1000);
    log(`wave: ${o.students} students in ${classes.length} classes, one every ${o.classGapSeconds} s, ${o.speed}x real pace`);
    const outcomes: { student: WaveStudent; outcome: StudentOutcome }[] = [];
    const started = classes.flatMap((cls, c) =>
      cls.map(async (student, i) => {
        // A class starts together: every student opens the app within a few (real) seconds of the others.
        await new Promise((ok) => setTimeout(ok, c * o.classGapSeconds * 1000 + (rand() * 5000) / o.speed));
        if (deadline.aborted) return outcomes.push({ student, outcome: 'stopped' });
        active++;
        const t = performance.now();
        const outcome = await runStudent(student, c * o.classSize + i, { ...r, rand: rng(o.seed + c * o.classSize + i) }).catch((err: unknown) => {
          // A bug in the wave or an answer it cannot read: counted against the run, the others carry on.
          stats.error('flow', `student stopped: ${err instanceof Error ? err.message : String(err)}`);
          return 'not completed' as const;
        });
        active--;
        finished++;
        if (outcome === 'completed') durations.push((performance.now() - t) / 1000);
        outcomes.push({ student, outcome });
      }),
    );
    await Promise.all(started);
    const seconds = (performance.now() - start.t) / 1000;
    clearInterval(sampler);
    clearInterval(probe);
    await baseline.close();
    await hello.stop();
    const end = { memory: memoryOf(server.pid), cpuMs: cpuMsOf(server.pid), clientCpu: process.cpuUsage(start.clientCpu) };
    await r.http.close();
    const after = await settledMemory(server.pid, o.settleSeconds * 2);

    // Every student who finished must be recorded as completed: logging in again says so.
    const check = new WaveStats();
    const checkHttp = new WaveHttp(server.url, check, 50);
    const done = outcomes.filter((x) => x.outcome === 'completed');
    let confirmed = 0;
    for (let i = 0; i < done.length; i += 50) {
      const answers = await Promise.all(done.slice(i, i + 50).map((x) => checkHttp.call('check', 'POST', '/api/login', { body: x.student.login })));
      for (const a of answers) if (a.status === 200 && (JSON.parse(a.body) as { status: string }).status === 'completed') confirmed++;
      else if (a.status !== 200) check.error('check', `${a.status} ${errorCode(a) ?? ''}`);
    }
    await checkHttp.close();

    const types = stats.summary();
    const requests = types.filter((t) => t.type !== 'baseline').reduce((n, t) => n + t.requests, 0);
    const serverCpuMs = end.cpuMs - start.cpuMs;
    const completed = done.length;
    // From opening the app to the thank-you page, at real pace.
    const realSurveyMinutes = (durations.reduce((a, b) => a + b, 0) / Math.max(1, durations.length) / 60) * o.speed;
    const peakActive = Math.max(0, ...samples.map((s) => s.active));
    const count = (outcome: StudentOutcome) => outcomes.filter((x) => x.outcome === outcome).length;
    return {
      options: { ...o, server: undefined, progress: undefined },
      machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version },
      population: { rows: o.population, importSeconds },
      seconds: Math.round(seconds),
      students: { measured: o.students, classes: classes.length, completed, notCompleted: count('not completed'), stopped: count('stopped'), confirmedCompleted: confirmed, peakActive },
      requests,
      types,
      errors: stats.errors.length + check.errors.length,
      errorSamples: [...stats.errors, ...check.errors].slice(0, 20),
      serverErrorLogLines: await server.errorLogLines(),
      outcomes: Object.fromEntries(stats.outcomes),
      saves: {
        total: stats.savesPerSecond.reduce((a, b) => a + b, 0),
        answers: stats.answersPerSecond.reduce((a, b) => a + b, 0),
        meanPerSecond: Math.round(stats.savesPerSecond.reduce((a, b) => a + b, 0) / Math.max(1, seconds)),
        /** The highest rate held for a full minute: what the server sustained, not a burst. */
        sustainedPerSecond: Math.round(bestWindow(stats.savesPerSecond, 60)),
        peak10sPerSecond: Math.round(bestWindow(stats.savesPerSecond, 10)),
      },
      bytesReceived: stats.bytesReceived,
      server: {
        memory: { idle, before, during: medianMemory(samples), peak: peakOf(samples.map((s) => s.memory)), end: end.memory, after },
        /** Private memory (RssAnon) kept after the wave against before it, both with the server idle after the warm-up. */
        growthPercent: Math.round(((after.anonMb - before.anonMb) / before.anonMb) * 1000) / 10,
        cpuMs: serverCpuMs,
        cpuPercentOfOneCore: Math.round(serverCpuMs / (seconds * 10)),
        peakCpuPercentOfOneCore: peakCpu(samples),
        cpuMsPerRequest: Math.round((serverCpuMs / Math.max(1, requests)) * 100) / 100,
        cpuMsPerStudent: Math.round(serverCpuMs / Math.max(1, completed)),
      },
      client: { cpuMs: Math.round((end.clientCpu.user + end.clientCpu.system) / 1000) },
      realTime: {
        /** How long a student of this wave would take at real pace (their wall time here times the speed). */
        surveyMinutes: Math.round(realSurveyMinutes * 10) / 10,
        /** Students this wave's request rate stands for at real pace: the most active at once times the speed. */
        equivalentStudentsAtOnce: peakActive * o.speed,
        /** Students answering at once at real pace that one core of server CPU time carries, from the CPU used per student. */
        studentsPerServerCore: Math.round((1000 * realSurveyMinutes * 60) / Math.max(1, serverCpuMs / Math.max(1, completed))),
      },
      loadavg: { start: round2(loadStart), end: round2(loadavg()[0]!), max: round2(Math.max(loadStart, ...samples.map((s) => s.loadavg1))) },
      samples,
    };
  } finally {
    if (!o.server) await server.stop();
  }
}
export type WaveReport = Awaited<ReturnType<typeof runWave>>;

const round2 = (x: number) => Math.round(x * 100) / 100;
/** The lowest private memory over `seconds` of one sample a second: the server idle, after its last garbage collection. */
async function settledMemory(pid: number, seconds: number): Promise<Memory> {
  let low = memoryOf(pid);
  for (let i = 0; i < seconds; i++) {
    await new Promise((ok) => setTimeout(ok, 1000));
    const m = memoryOf(pid);
    if (m.anonMb < low.anonMb) low = m;
  }
  return low;
}

const medianOf = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const medianMemory = (xs: Sample[]): Memory => ({
  rssMb: medianOf(xs.map((x) => x.memory.rssMb)),
  anonMb: medianOf(xs.map((x) => x.memory.anonMb)),
  fileMb: medianOf(xs.map((x) => x.memory.fileMb)),
});
const peakOf = (ms: Memory[]): Memory => ms.reduce((a, b) => (b.rssMb > a.rssMb ? b : a), ms[0] ?? { rssMb: NaN, anonMb: NaN, fileMb: NaN });

/** The busiest 10 seconds of server CPU, in percent of one core. */
function peakCpu(samples: Sample[]): number {
  let best = 0;
  for (let i = 10; i < samples.length; i++) best = Math.max(best, (samples[i]!.serverCpuMs - samples[i - 10]!.serverCpuMs) / (samples[i]!.t - samples[i - 10]!.t) / 10);
  return Math.round(best);
}

export type { TypeSummary };
