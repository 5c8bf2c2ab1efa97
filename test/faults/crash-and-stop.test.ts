// The served process under a wave of answer saves (loopback, bounded): killed with SIGKILL, every save it acknowledged
// is there after a restart; stopped with SIGTERM, saves in flight finish and are stored, later ones are refused
// cleanly (503 or no connection, never a 500), and the process exits 0.
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, removeDataDir, type RunningServer } from '../e2e/server.ts';
import { highestAcks, logIn, loginable, newLog, runWave, slowSave, storedSeqs } from '../support/wave.ts';

let servers: RunningServer[] = [];
let dirs: string[] = [];
afterEach(async () => {
  for (const s of servers) await s.stop().catch(() => undefined);
  for (const d of dirs) removeDataDir(d);
  servers = [];
  dirs = [];
});
const serve = async (dataDir?: string) => {
  const s = await startServer({ dataDir, env: { LOG_LEVEL: 'warn' } });
  servers.push(s);
  if (!dirs.includes(s.dataDir)) dirs.push(s.dataDir);
  return s;
};
const until = async (cond: () => boolean, ms: number) => {
  const end = Date.now() + ms;
  while (!cond() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
};
const exitOf = (s: RunningServer) => new Promise<{ code: number | null; signal: string | null }>((resolve) => {
  if (s.process.exitCode !== null || s.process.signalCode !== null) resolve({ code: s.process.exitCode, signal: s.process.signalCode });
  else s.process.once('exit', (code, signal) => resolve({ code, signal }));
});

const STUDENTS = 30;

describe('kill -9 during a wave of answer saves', () => {
  it('loses no acknowledged save', async () => {
    const first = await serve();
    const log = newLog();
    let stop = false;
    const wave = runWave(first.url, { count: STUDENTS, stop: () => stop, log });
    await until(() => log.acks.length >= 600, 30_000);
    await first.kill(); // SIGKILL: no shutdown, no final checkpoint
    stop = true;
    await wave;
    expect(log.acks.length).toBeGreaterThanOrEqual(600);

    const second = await serve(first.dataDir);
    const acked = highestAcks(log.acks);
    const lost: string[] = [];
    for (let i = 0; i < STUDENTS; i++) {
      const stored = await storedSeqs(second.url, i);
      for (const q of ['leerjaar', 'opmerkingen']) {
        const want = acked.get(`${i}|${q}`) ?? 0;
        if ((stored[q] ?? 0) < want) lost.push(`student ${i} ${q}: acknowledged ${want}, stored ${stored[q] ?? 'nothing'}`);
      }
    }
    expect(lost).toEqual([]);
  }, 90_000);
});

describe('SIGTERM during a wave of answer saves', () => {
  it('finishes the saves in flight, refuses the rest cleanly, stores every acknowledged save and exits 0', async () => {
    const s = await serve();
    const log = newLog();
    let stop = false;
    const wave = runWave(s.url, { from: STUDENTS, count: STUDENTS, stop: () => stop, log });
    await until(() => log.acks.length >= 300, 30_000);
    // Three saves on a slow network: headers and half the body sent before the signal, the rest after it.
    const slowStudents = [2 * STUDENTS, 2 * STUDENTS + 1, 2 * STUDENTS + 2];
    const slow = await Promise.all(slowStudents.map(async (i) => slowSave(s.url, await logIn(s.url, loginable[i]!), 7)));
    await Promise.all(slow.map((x) => x.sent)); // in the kernel's hands, then time for the server to read the headers
    await new Promise((r) => setTimeout(r, 500));
    const exited = exitOf(s);
    s.process.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    for (const x of slow) x.finish();
    const slowResults = await Promise.all(slow.map((x) => x.result));
    const { code, signal } = await exited;
    stop = true;
    await wave;

    expect(slowResults.map((r) => `${r.status} ${r.status === 200 ? "" : r.body}`)).toEqual(["200 ", "200 ", "200 "]);
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    // Refused cleanly: 503 shutting_down, or no connection; never a 500.
    const outcomes = Object.fromEntries(log.outcomes);
    for (const key of Object.keys(outcomes)) expect(['200', '503', 'ECONNREFUSED', 'ECONNRESET', 'UND_ERR_SOCKET']).toContain(key);
    for (const b of log.bodies) expect(b).toMatch(/^503 .*"code":"shutting_down"/);

    const after = await serve(s.dataDir);
    for (const i of slowStudents) expect((await storedSeqs(after.url, i)).leerjaar).toBe(7);
    const acked = highestAcks(log.acks);
    for (let i = STUDENTS; i < 2 * STUDENTS; i++) {
      const stored = await storedSeqs(after.url, i);
      expect(stored.leerjaar ?? 0).toBeGreaterThanOrEqual(acked.get(`${i}|leerjaar`) ?? 0);
    }
  }, 90_000);
});
