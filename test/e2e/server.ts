// Starts the real job-monitor server as a child process on a free port of 127.0.0.1, with its own data dir.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');

export interface RunningServer {
  url: string;
  dataDir: string;
  process: ChildProcess;
  /** SIGKILL: a crash, no graceful shutdown. */
  kill: () => Promise<void>;
  stop: () => Promise<void>;
}

export async function startServer(opts: { dataDir?: string; port?: number; env?: NodeJS.ProcessEnv } = {}): Promise<RunningServer> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'jm-e2e-'));
  const child = spawn(
    process.execPath,
    [join(ROOT, 'bin', 'job-monitor.js'), '--data-dir', dataDir, '--port', String(opts.port ?? 0), 'serve', '--demo', '--host', '127.0.0.1'],
    { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'warn', ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const url = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start:\n${output}`)), 60_000);
    child.stdout!.on('data', (b: Buffer) => {
      output += b.toString();
      const m = /running at (http:\/\/[\d.]+:\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        ok(m[1]!);
      }
    });
    child.stderr!.on('data', (b: Buffer) => (output += b.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  return {
    url,
    dataDir,
    process: child,
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export const removeDataDir = (dir: string) => rmSync(dir, { recursive: true, force: true });
