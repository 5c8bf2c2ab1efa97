// Answer-save benchmark: PUT /api/survey/answers (two answers and two timing events per request, each
// connection its own logged-in student, sequence numbers rising so every save writes) against an Express
// hello-world in the same process and the same run. 50 connections, bounded in time.
// Target: save >= 0.6x the hello-world rate, p99 < 50 ms. Prints a table, writes bench/results/save.json.
// Runs about 35 s: a 2 s warm-up of each, then BENCH_ROUNDS (3) rounds of BENCH_SECONDS (5) s each.
import autocannon from 'autocannon';
import { fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CURRENT_VERSION, loadQuestionnaires } from '../questionnaire/index.ts';
import { benchNodeArgs } from './node-args.ts';

const CONNECTIONS = 50;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 5);
const WARMUP_S = 2;

// Valid answers taken from the current questionnaire, whatever its content.
const def = loadQuestionnaires().get(CURRENT_VERSION)!;
const candidates: { questionId: string; value: () => unknown }[] = [];
for (const q of def.pages.flatMap((p) => p.questions)) {
  if (q.type === 'single') candidates.push({ questionId: q.id, value: () => q.options[Math.floor(Math.random() * q.options.length)]!.code });
  if (q.type === 'grid')
    candidates.push({ questionId: q.id, value: () => Object.fromEntries(q.items.map((i) => [i.id, q.scale[Math.floor(Math.random() * q.scale.length)]!.value])) });
}
if (candidates.length < 2) throw new Error('the current questionnaire needs at least two single or grid questions for this benchmark');
const pageId = def.pages[0]!.id;

let seq = Date.now() * 1000;
let event = 0;
function saveBody(): string {
  const now = new Date().toISOString();
  const pick = () => candidates[Math.floor(Math.random() * candidates.length)]!;
  const [a, b] = [pick(), pick()];
  const answers = (a.questionId === b.questionId ? [a] : [a, b]).map((c) => ({ questionId: c.questionId, value: c.value(), seq: ++seq, changedAt: now }));
  const events = [
    { id: `bench:${++event}`, type: 'answer', target: a.questionId, at: now },
    { id: `bench:${++event}`, type: 'page_shown', target: pageId, at: now },
  ];
  return JSON.stringify({ answers, events, sentAt: now });
}

const child = fork(join(import.meta.dirname, 'save-server.ts'), [], { execArgv: ['--import', 'tsx', ...benchNodeArgs()], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
const { appUrl, helloUrl, cookies } = await new Promise<{ appUrl: string; helloUrl: string; cookies: string[] }>((ok, fail) => {
  child.once('message', (m) => ok(m as { appUrl: string; helloUrl: string; cookies: string[] }));
  child.once('exit', (code) => fail(new Error(`bench server exited with ${code}`)));
});
if (cookies.length < CONNECTIONS) throw new Error(`only ${cookies.length} sessions for ${CONNECTIONS} connections`);

/** Runs a load and reports the server's CPU microseconds per completed request beside autocannon's result. */
async function measured(run: () => Promise<autocannon.Result>): Promise<{ r: autocannon.Result; cpuUs: number; loopUs: number }> {
  child.send({ cmd: 'cpu-reset' });
  const r = await run();
  const { cpuMs, loopMs } = await new Promise<{ cpuMs: number; loopMs: number }>((ok) => (child.once('message', (m) => ok(m as { cpuMs: number; loopMs: number })), child.send({ cmd: 'cpu' })));
  const per = (ms: number) => Math.round((ms * 1000) / Math.max(1, r.requests.total));
  return { r, cpuUs: per(cpuMs), loopUs: per(loopMs) };
}

const runHello = (duration: number) => autocannon({ url: `${helloUrl}/hello`, connections: CONNECTIONS, duration, timeout: 10 });
let next = 0;
const runSave = (duration: number) =>
  autocannon({
    url: appUrl,
    connections: CONNECTIONS,
    duration,
    timeout: 10,
    setupClient: (client) => client.setHeaders({ cookie: cookies[next++ % cookies.length]!, 'content-type': 'application/json' }),
    requests: [{ method: 'PUT', path: '/api/survey/answers', setupRequest: (req) => ({ ...req, body: saveBody() }) }],
  });

// Interleaved rounds, so a change in machine load between the two measurements does not decide the
// ratio: each round measures hello-world then save; the median round is reported.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const row = (name: string, { r, cpuUs, loopUs }: { r: autocannon.Result; cpuUs: number; loopUs: number }) => ({
  name,
  'req/s': Math.round(r.requests.average),
  'p50 ms': r.latency.p50,
  'p99 ms': r.latency.p99,
  'max ms': r.latency.max,
  ok: r['2xx'],
  'non-2xx': r.non2xx,
  errors: r.errors + r.timeouts,
  'server CPU us/req': cpuUs,
  'event loop CPU us/req': loopUs,
});
try {
  await runHello(WARMUP_S);
  await runSave(WARMUP_S);
  const rounds: { hello: autocannon.Result; save: autocannon.Result; ratio: number; helloCpuUs: number; saveCpuUs: number; helloLoopUs: number; saveLoopUs: number }[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const hello = await measured(() => runHello(DURATION_S));
    const save = await measured(() => runSave(DURATION_S));
    rounds.push({
      hello: hello.r, save: save.r, ratio: save.r.requests.average / hello.r.requests.average,
      helloCpuUs: hello.cpuUs, saveCpuUs: save.cpuUs, helloLoopUs: hello.loopUs, saveLoopUs: save.loopUs,
    });
  }
  const rows = rounds.flatMap((r, i) => [
    row(`round ${i + 1} hello-world`, { r: r.hello, cpuUs: r.helloCpuUs, loopUs: r.helloLoopUs }),
    row(`round ${i + 1} answer save`, { r: r.save, cpuUs: r.saveCpuUs, loopUs: r.saveLoopUs }),
  ]);
  console.table(rows);
  const median = [...rounds].sort((a, b) => a.ratio - b.ratio)[Math.floor(rounds.length / 2)]!;
  const failed = rounds.some((r) => r.save.non2xx > 0 || r.save.errors > 0 || r.save.timeouts > 0);
  const pass = median.ratio >= 0.6 && median.save.latency.p99 < 50 && !failed;
  console.log(
    `median round: save ${Math.round(median.save.requests.average)} req/s vs hello-world ${Math.round(median.hello.requests.average)} req/s = ` +
      `${median.ratio.toFixed(2)}x (target >= 0.6x); save p99 ${median.save.latency.p99} ms (target < 50 ms; hello-world p99 ` +
      `${median.hello.latency.p99} ms): ${pass ? 'PASS' : 'FAIL'}${failed ? ' (failed requests)' : ''}`,
  );
  console.log(`server CPU per request in that round: hello-world ${median.helloCpuUs} us, save ${median.saveCpuUs} us (event loop ${median.saveLoopUs} us)`);
  mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
  writeFileSync(
    join(import.meta.dirname, 'results', 'save.json'),
    JSON.stringify({ at: new Date().toISOString(), connections: CONNECTIONS, secondsPerRun: DURATION_S, rows, ratios: rounds.map((r) => r.ratio), medianRatio: median.ratio, medianSaveP99: median.save.latency.p99, pass }, null, 2) + '\n',
  );
  process.exitCode = pass ? 0 : 1;
} finally {
  child.disconnect();
}
