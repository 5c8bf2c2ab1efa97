// job-monitor backup during a wave of answer saves, and job-monitor restore: the restored database holds every
// answer acknowledged before the backup began, and a restore refuses a damaged file or a database in use.
import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer, removeDataDir, type RunningServer } from '../e2e/server.ts';
import { highestAcks, newLog, runWave, storedSeqs } from '../support/wave.ts';

const BIN = resolve(import.meta.dirname, '..', '..', 'bin', 'job-monitor.js');
const work = mkdtempSync(join(tmpdir(), 'jm-backup-'));
const cleanup: (() => Promise<void> | void)[] = [() => rmSync(work, { recursive: true, force: true })];
afterAll(async () => {
  for (const c of cleanup.reverse()) await c();
});
const cli = (dataDir: string, ...args: string[]) =>
  new Promise<{ code: number | null; out: string }>((done) => {
    const child = spawn(process.execPath, [BIN, '--data-dir', dataDir, ...args], { env: { ...process.env, LOG_LEVEL: 'warn' } });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    child.on('exit', (code) => done({ code, out }));
  });
const serve = async (dataDir?: string): Promise<RunningServer> => {
  const s = await startServer({ dataDir, env: { LOG_LEVEL: 'warn' } });
  cleanup.push(async () => {
    await s.stop().catch(() => undefined);
    removeDataDir(s.dataDir);
  });
  return s;
};
const STUDENTS = 25;

describe('backup and restore', () => {
  it('a backup made during a wave restores every answer acknowledged before it began', async () => {
    const live = await serve();
    const log = newLog();
    let stop = false;
    const wave = runWave(live.url, { count: STUDENTS, stop: () => stop, log });
    const end = Date.now() + 30_000;
    while (log.acks.length < 300 && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    const file = join(work, 'backup.sqlite');
    const began = Date.now();
    const backup = await cli(live.dataDir, 'backup', '--out', file);
    const acksDuringBackup = log.acks.filter((a) => a.at >= began).length;
    stop = true;
    await wave;
    expect(backup.code, backup.out).toBe(0);
    expect(backup.out).toMatch(/^Backup written to .*backup\.sqlite \(\d+ pages\)\.\nThe database holds keyed hashes only/);
    expect(acksDuringBackup, 'students kept saving while the backup ran').toBeGreaterThan(0);

    // A second backup to the same file is refused: a backup never overwrites.
    const again = await cli(live.dataDir, 'backup', '--out', file);
    expect(again.code).toBe(1);
    expect(again.out).toMatch(/already exists/);

    // Restore on another machine: the backup and the secret, nothing else.
    const fresh = mkdtempSync(join(tmpdir(), 'jm-restored-'));
    copyFileSync(join(live.dataDir, 'secret.key'), join(fresh, 'secret.key'));
    const restored = await cli(fresh, 'restore', '--from', file);
    expect(restored.code, restored.out).toBe(0);
    const server = await serve(fresh);
    const acked = highestAcks(log.acks, began);
    expect(acked.size).toBeGreaterThan(0);
    const missing: string[] = [];
    for (let i = 0; i < STUDENTS; i++) {
      const stored = await storedSeqs(server.url, i);
      for (const q of ['leerjaar', 'opmerkingen']) {
        const want = acked.get(`${i}|${q}`) ?? 0;
        if ((stored[q] ?? 0) < want) missing.push(`student ${i} ${q}: acknowledged ${want} before the backup, restored ${stored[q] ?? 'nothing'}`);
      }
    }
    expect(missing).toEqual([]);

    // The served database is in use: a restore over it is refused and changes nothing.
    const inUse = await cli(live.dataDir, 'restore', '--from', file);
    expect(inUse.code).toBe(1);
    expect(inUse.out).toMatch(/a server may be using it\. Stop the server first/);
  }, 120_000);

  it('refuses a damaged or foreign file and changes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jm-restore-bad-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const bad = join(dir, 'not-a-backup.sqlite');
    writeFileSync(bad, 'SQLite format 3\0' + 'x'.repeat(5000));
    const r = await cli(dir, 'restore', '--from', bad);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/not-a-backup\.sqlite (cannot be read as a database|is damaged).*nothing was changed/s);
    expect(existsSync(join(dir, 'job-monitor.sqlite'))).toBe(false);
  }, 30_000);
});
