// The job-monitor command as a user runs it: help, errors on stderr with exit code 1, seed-demo, and a
// serve that shuts down gracefully on SIGTERM.
import { afterEach, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'job-monitor.js');
const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'jm-cli-'));
  dirs.push(d);
  return d;
};
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'warn' } });
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('job-monitor command', () => {
  it('prints help for the program and every command', () => {
    const top = run('--help');
    expect(top.status).toBe(0);
    expect(top.stdout).toMatch(/--data-dir/);
    expect(top.stdout).toMatch(/serve/);
    expect(top.stdout).toMatch(/seed-demo/);
    for (const cmd of ['serve', 'seed-demo']) expect(run(cmd, '--help').status).toBe(0);
  });

  it('reports errors on stderr with exit code 1', () => {
    const unknown = run('no-such-command');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/unknown command/);
    const badPort = run('--port', 'abc', 'serve');
    expect(badPort.status).toBe(1);
    expect(badPort.stderr).toMatch(/--port must be a number/);
  });

  it('seeds the demo into an empty database only, with a private secret file', () => {
    const dir = tempDir();
    const first = run('--data-dir', dir, 'seed-demo', '--json');
    expect(first.status).toBe(0);
    const out = JSON.parse(first.stdout) as { students: number; logins: unknown[] };
    expect(out.students).toBeGreaterThan(5000);
    expect(out.logins.length).toBeGreaterThan(2);
    expect(statSync(join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
    const db = new Database(join(dir, 'job-monitor.sqlite'), { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare('SELECT count(*) FROM institutions').pluck().get()).toBe(3);
    db.close();
    const second = run('--data-dir', dir, 'seed-demo');
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(/already holds a population/);
  });

  it('serves, then on SIGTERM stops accepting, closes the database and exits 0', async () => {
    const dir = tempDir();
    const child = spawn(process.execPath, [BIN, '--data-dir', dir, '--port', '0', 'serve', '--host', '127.0.0.1'], {
      env: { ...process.env, LOG_LEVEL: 'info' },
    });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    const url = await new Promise<string>((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(out)), 15_000);
      child.stdout.on('data', () => {
        const m = /running at (http:\/\/[\d.:]+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          ok(m[1]!);
        }
      });
    });
    const health = await fetch(`${url}/api/health`);
    expect(await health.json()).toEqual({ status: 'ok' });
    const code = await new Promise<number | null>((ok) => {
      child.once('exit', ok);
      child.kill('SIGTERM');
    });
    expect(code).toBe(0);
    expect(out).toMatch(/"msg":"stopped"/);
    await expect(fetch(`${url}/api/health`)).rejects.toThrow();
  });
});
