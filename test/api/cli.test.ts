// The job-monitor command as a user runs it: help, errors on stderr with exit code 1, seed-demo, and a
// serve that shuts down gracefully on SIGTERM.
import { afterEach, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { demoPopulation } from '../../server/demo/demo-data.ts';

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

  /** Starts `serve` and resolves with its URL once it listens. */
  async function serve(dir: string, env: Record<string, string>, ...args: string[]) {
    const child = spawn(process.execPath, [BIN, '--data-dir', dir, '--port', '0', 'serve', '--host', '127.0.0.1', ...args], {
      env: { ...process.env, LOG_LEVEL: 'info', ...env },
    });
    const output = { text: '' };
    child.stdout.on('data', (b: Buffer) => (output.text += b.toString()));
    const url = await new Promise<string>((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(output.text)), 30_000);
      child.stdout.on('data', () => {
        const m = /running at (http:\/\/[\d.:]+)/.exec(output.text);
        if (m) {
          clearTimeout(timer);
          ok(m[1]!);
        }
      });
    });
    const stop = () => new Promise<number | null>((ok) => (child.once('exit', ok), child.kill('SIGTERM')));
    return { url, output, stop };
  }

  it('serves, then on SIGTERM stops accepting, closes the database and exits 0', async () => {
    const { url, output, stop } = await serve(tempDir(), {});
    const health = await fetch(`${url}/api/health`);
    expect(await health.json()).toEqual({ status: 'ok' });
    expect(await stop()).toBe(0);
    expect(output.text).toMatch(/"msg":"stopped"/);
    await expect(fetch(`${url}/api/health`)).rejects.toThrow();
  });

  it('logs in and saves through the served process, and still exits 0 with the save on disk', async () => {
    const dir = tempDir();
    const { url, stop } = await serve(dir, {}, '--demo');
    const s = demoPopulation().find((p, _i, all) => !all.some((o) => o !== p && o.brin === p.brin && o.achternaam === p.achternaam && o.geboortedatum === p.geboortedatum))!;
    const login = await fetch(`${url}/api/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ brin: s.brin, surname: `${s.tussenvoegsel} ${s.achternaam}`.trim(), birthDate: s.geboortedatum.split('-').reverse().join('-') }),
    });
    expect(await login.json()).toEqual({ status: 'ok' });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const save = await fetch(`${url}/api/survey/answers`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', cookie },
      body: JSON.stringify({ answers: [], events: [{ id: 't:1', type: 'hidden', at: new Date().toISOString() }] }),
    });
    expect(save.status).toBe(200);
    expect(await stop()).toBe(0);
    const db = new Database(join(dir, 'job-monitor.sqlite'), { readonly: true });
    // The demo's own responses come with timing; this login started the newest response.
    expect(db.prepare('SELECT count(*) FROM timing_batches WHERE response_id = (SELECT max(id) FROM responses)').pluck().get()).toBe(1);
    db.close();
  });
});
