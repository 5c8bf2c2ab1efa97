// Staff accounts from the command line: create (password from standard input, or generated and shown once),
// refuse bad input with a Dutch and English message and exit 1, list without passwords, reset (ending sessions);
// and `serve --demo` creating the demo staff accounts that sign in.
import { afterEach, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DEMO_STAFF } from '../../server/demo/demo-staff.ts';
import { verifyPassword } from '../../server/services/staff/passwords.ts';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'job-monitor.js');
const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'jm-staff-cli-'));
  dirs.push(d);
  return d;
};
const run = (dir: string, args: string[], input = '') =>
  spawnSync(process.execPath, [BIN, '--data-dir', dir, ...args], { encoding: 'utf8', input, env: { ...process.env, LOG_LEVEL: 'warn' } });
const hashOf = (dir: string, email: string) => {
  const db = new Database(join(dir, 'job-monitor.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT password_hash FROM staff_users WHERE email = ?').pluck().get(email) as string;
  } finally {
    db.close();
  }
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('staff account commands', () => {
  it('create, list and reset accounts', async () => {
    const dir = tempDir();
    const piped = run(dir, ['create-staff-user', '--email', 'Coordinator@School.example', '--role', 'institution', '--brin', '25pz'], 'a-piped-password-1\n');
    expect(piped.stderr).toBe('');
    expect(piped.status).toBe(0);
    expect(piped.stdout).toContain('coordinator@school.example (institution, 25PZ)');
    expect(piped.stdout).not.toContain('a-piped-password-1');
    const hash = hashOf(dir, 'coordinator@school.example');
    expect(hash).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(await verifyPassword('a-piped-password-1', hash)).toBe(true);

    const generated = run(dir, ['create-staff-user', '--email', 'waarnemer@job.example', '--role', 'observer', '--json']);
    expect(generated.status).toBe(0);
    const out = JSON.parse(generated.stdout) as { generatedPassword: string };
    expect(out.generatedPassword).toMatch(/^[\w-]{24}$/);
    expect(await verifyPassword(out.generatedPassword, hashOf(dir, 'waarnemer@job.example'))).toBe(true);

    const list = run(dir, ['list-staff-users']);
    expect(list.status).toBe(0);
    expect(list.stdout).toMatch(/coordinator@school\.example\s+institution\s+25PZ/);
    expect(list.stdout).toMatch(/waarnemer@job\.example\s+observer\s+-/);
    expect(list.stdout).not.toContain('scrypt');

    const reset = run(dir, ['reset-staff-password', '--email', 'waarnemer@job.example']);
    expect(reset.status).toBe(0);
    const password = /shown only once\): (\S+)/.exec(reset.stdout)![1]!;
    expect(await verifyPassword(password, hashOf(dir, 'waarnemer@job.example'))).toBe(true);
    expect(await verifyPassword(out.generatedPassword, hashOf(dir, 'waarnemer@job.example'))).toBe(false);
  }, 60_000);

  it('refuses bad input with exit 1, in Dutch and English, and creates nothing', () => {
    const dir = tempDir();
    const cases: [string[], RegExp][] = [
      [['--email', 'x@school.example', '--role', 'institution'], /heeft een BRIN nodig[\s\S]*needs a BRIN/],
      [['--email', 'x@school.example', '--role', 'observer', '--brin', '25PZ'], /Alleen een instellingsgebruiker[\s\S]*Only an institution user/],
      [['--email', 'not-an-email', '--role', 'admin'], /is geen e-mailadres[\s\S]*is not an email address/],
      [['--email', 'x@school.example', '--role', 'root'], /Allowed choices are admin, institution, observer/],
    ];
    for (const [args, message] of cases) {
      const r = run(dir, ['create-staff-user', ...args]);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(message);
    }
    expect(run(dir, ['list-staff-users', '--json']).stdout.trim()).toBe('[]');
  }, 60_000);

  it('refuses a short piped password, a taken email and an unknown account', () => {
    const dir = tempDir();
    expect(run(dir, ['create-staff-user', '--email', 'a@b.example', '--role', 'admin'], 'short\n').stderr).toMatch(/minstens 12 tekens[\s\S]*at least 12 characters/);
    expect(run(dir, ['create-staff-user', '--email', 'a@b.example', '--role', 'admin']).status).toBe(0);
    const twice = run(dir, ['create-staff-user', '--email', 'A@B.example', '--role', 'admin']);
    expect(twice.status).toBe(1);
    expect(twice.stderr).toMatch(/Er is al een account voor a@b\.example/);
    const unknown = run(dir, ['reset-staff-password', '--email', 'nobody@b.example']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/Er is geen account voor nobody@b\.example[\s\S]*There is no account/);
  }, 30_000);

  it('serve --demo creates one demo account per role, prints their logins, and they sign in', async () => {
    const dir = tempDir();
    const child = spawn(process.execPath, [BIN, '--data-dir', dir, '--port', '0', 'serve', '--demo', '--host', '127.0.0.1'], { env: { ...process.env, LOG_LEVEL: 'warn' } });
    let text = '';
    const url = await new Promise<string>((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(text)), 60_000);
      child.stdout.on('data', (b: Buffer) => {
        text += b.toString();
        const m = /running at (http:\/\/[\d.:]+)/.exec(text);
        if (m && text.includes('Demo staff logins')) {
          clearTimeout(timer);
          ok(m[1]!);
        }
      });
    });
    try {
      expect(new Set(DEMO_STAFF.map((u) => u.role))).toEqual(new Set(['admin', 'institution', 'observer']));
      for (const u of DEMO_STAFF) {
        expect(text).toContain(`${u.email}`);
        expect(text).toContain(u.password);
        const res = await fetch(`${url}/api/staff/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: u.email, password: u.password }) });
        expect(await res.json()).toMatchObject({ email: u.email, role: u.role, brin: u.brin });
      }
    } finally {
      await new Promise((ok) => (child.once('exit', ok), child.kill('SIGTERM')));
    }
  }, 90_000);
});
