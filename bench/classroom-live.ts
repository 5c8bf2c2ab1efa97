// Live classroom view benchmark: the extra server CPU per answer save when 200 live views are open, while 6,000
// students (200 classroom sessions of 30, every one logged in with its session's code) save answers with timing
// events. Each round measures saves with no view open and the same with 200 views (one EventSource per session,
// each getting a snapshot at most once a second; 20 staff sessions of 10 tabs), in turn first or second, so a drift
// in the machine's load does not decide the ratio; the median round is reported. The sessions are followed once
// before the rounds, so both halves keep the same state in memory and differ only by the open views.
// Target: under 10% more server CPU per save with the views. Prints a table and writes
// bench/results/classroom-live.json. Runs about two minutes (setup included): BENCH_ROUNDS (5) rounds of
// 2 x BENCH_SECONDS (5) s, 50 connections.
import autocannon from 'autocannon';
import { fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EventSource } from 'eventsource';
import { CURRENT_VERSION, loadQuestionnaires } from '../questionnaire/index.ts';

const CONNECTIONS = 50;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const VIEWS = 200;
const TARGET = 0.1;

const def = loadQuestionnaires().get(CURRENT_VERSION)!;
const singles = def.pages.flatMap((p) => p.questions.filter((q) => q.type === 'single').map((q) => ({ page: p.id, q })));
if (singles.length === 0) throw new Error('the current questionnaire needs a single-choice question for this benchmark');

const child = fork(join(import.meta.dirname, 'classroom-live-server.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
const ask = <T>(cmd: string) => new Promise<T>((ok) => (child.once('message', (m) => ok(m as T)), child.send({ cmd })));
const setupStarted = Date.now();
type Setup = { url: string; staffCookies: string[]; sessionIds: number[]; cookies: string[] };
const { url, staffCookies, sessionIds, cookies } = await new Promise<Setup>((ok, fail) => {
  child.once('message', (m) => ok(m as Setup));
  child.once('exit', (code) => fail(new Error(`bench server exited with ${code}`)));
});
console.log(`setup: ${cookies.length} students logged in through ${sessionIds.length} classroom sessions in ${((Date.now() - setupStarted) / 1000).toFixed(1)} s`);

// Each save: one answer and a page_shown event of that question's page, from a random student; event numbers rise.
let seq = Date.now();
let n = 0;
function save(): { cookie: string; body: string } {
  const student = Math.floor(Math.random() * cookies.length);
  const { page, q } = singles[Math.floor(Math.random() * singles.length)]!;
  const now = new Date().toISOString();
  const value = q.type === 'single' ? q.options[Math.floor(Math.random() * q.options.length)]!.code : null;
  const body = JSON.stringify({
    answers: [{ questionId: q.id, value, seq: ++seq, changedAt: now }],
    events: [{ id: `s${student}:${++n}`, type: 'page_shown', target: page, at: now }],
    sentAt: now,
  });
  return { cookie: cookies[student]!, body };
}

const runSaves = (duration: number) =>
  autocannon({
    url,
    connections: CONNECTIONS,
    duration,
    timeout: 10,
    requests: [
      {
        method: 'PUT',
        path: '/api/survey/answers',
        setupRequest: (req) => {
          const { cookie, body } = save();
          return { ...req, headers: { ...req.headers, cookie, 'content-type': 'application/json' }, body };
        },
      },
    ],
  });

/** Opens one live view per session (the first VIEWS sessions) and waits for each first snapshot. */
async function openViews(): Promise<{ sources: EventSource[]; received: () => number }> {
  let received = 0;
  const sources = sessionIds.slice(0, VIEWS).map((id, i) => {
    const cookie = staffCookies[i % staffCookies.length]!;
    const s = new EventSource(`${url}/api/staff/classroom/sessions/${id}/live`, {
      fetch: (input, init) => fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), cookie } }),
    });
    s.addEventListener('snapshot', () => received++);
    return s;
  });
  const deadline = Date.now() + 30_000;
  while (received < sources.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  if (received < sources.length) throw new Error(`only ${received} of ${sources.length} live views opened`);
  return { sources, received: () => received };
}

async function measured(run: () => Promise<autocannon.Result>) {
  child.send({ cmd: 'cpu-reset' });
  const r = await run();
  const { cpuMs, loopMs } = await ask<{ cpuMs: number; loopMs: number }>('cpu');
  const per = (ms: number) => Math.round((ms * 1000) / Math.max(1, r.requests.total));
  return { r, cpuUs: per(cpuMs), loopUs: per(loopMs) };
}

const rows: Record<string, string | number>[] = [];
const ratios: number[] = [];
/** Time the server spent making and writing snapshots, per save, against the save's CPU without views. */
const sending: number[] = [];
type Stats = { snapshotsSent: number; sendingMs: number };
let failed = false;
try {
  // Warm-up, with every session followed once: from here on the server holds the same state in both halves.
  const warm = await openViews();
  await runSaves(2);
  for (const s of warm.sources) s.close();
  for (let i = 0; i < ROUNDS; i++) {
    const measureWithViews = async () => {
      const views = await openViews();
      const before = await ask<Stats>('stats');
      const receivedBefore = views.received();
      const m = await measured(() => runSaves(DURATION_S));
      const after = await ask<Stats>('stats');
      const received = views.received() - receivedBefore;
      for (const s of views.sources) s.close();
      const sendingUs = Math.round(((after.sendingMs - before.sendingMs) * 1000) / Math.max(1, m.r.requests.total));
      return { ...m, views: views.sources.length, sent: after.snapshotsSent - before.snapshotsSent, received, sendingUs };
    };
    let without, withViews;
    if (i % 2 === 0) {
      without = await measured(() => runSaves(DURATION_S));
      withViews = await measureWithViews();
    } else {
      withViews = await measureWithViews();
      without = await measured(() => runSaves(DURATION_S));
    }
    const { sent, received, sendingUs } = withViews;
    sending.push(sendingUs / without.cpuUs);
    for (const [name, m, extra] of [
      ['no live view', without, {}],
      [`${withViews.views} live views`, withViews, { 'snapshots sent': sent, 'snapshots received': received, 'snapshot work us/save': sendingUs }],
    ] as const) {
      failed ||= m.r.non2xx > 0 || m.r.errors > 0 || m.r.timeouts > 0;
      rows.push({ round: i + 1, name, 'saves/s': Math.round(m.r.requests.average), 'p99 ms': m.r.latency.p99, 'non-2xx': m.r.non2xx, errors: m.r.errors + m.r.timeouts, 'server CPU us/save': m.cpuUs, 'event loop us/save': m.loopUs, ...extra });
    }
    ratios.push(withViews.cpuUs / without.cpuUs - 1);
  }
  console.table(rows);
  const median = [...ratios].sort((a, b) => a - b)[Math.floor(ratios.length / 2)]!;
  const pass = median < TARGET && !failed;
  console.log(
    `extra server CPU per save with ${Math.min(VIEWS, sessionIds.length)} live views: ${ratios.map((r) => `${(r * 100).toFixed(1)}%`).join(', ')} per round; median ${(median * 100).toFixed(1)}% ` +
      `(target < ${TARGET * 100}%): ${pass ? 'PASS' : 'FAIL'}${failed ? ' (failed requests)' : ''}`,
  );
  mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
  writeFileSync(
    join(import.meta.dirname, 'results', 'classroom-live.json'),
    JSON.stringify({ at: new Date().toISOString(), students: cookies.length, sessions: sessionIds.length, views: VIEWS, connections: CONNECTIONS, secondsPerRun: DURATION_S, rows, extraCpuPerSave: ratios, median, snapshotWorkPerSave: sending, pass }, null, 2) + '\n',
  );
  const medianSending = [...sending].sort((a, b) => a - b)[Math.floor(sending.length / 2)]!;
  console.log(`of which making and writing the snapshots (timed in the server): ${(medianSending * 100).toFixed(1)}% of a save's CPU without views (median round)`);
  process.exitCode = pass ? 0 : 1;
} finally {
  child.disconnect();
}
