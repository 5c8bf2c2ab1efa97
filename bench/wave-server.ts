// The server under the wave: a real `job-monitor serve` process on 127.0.0.1, on a temporary data dir holding a
// generated population imported through the CLI, logging requests at info as in production, into a file as a
// service manager would (a pipe read by the busy load generator would slow the server down with it). Its memory
// and CPU time are read from /proc (Linux).
import { fork, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, createReadStream, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { createInterface } from 'node:readline';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { benchNodeArgs } from './node-args.ts';

const ROOT = resolve(import.meta.dirname, '..');
const CLI = join(ROOT, 'bin', 'job-monitor.js');

/** The generated population CSV of `rows` rows (bench/generate-population.ts), written once and reused. */
export function populationFile(rows: number): string {
  const file = join(ROOT, 'bench', 'results', `population-${rows / 1000}k.csv`);
  if (!existsSync(file)) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'generate-population.ts'), '--rows', String(rows), '--out', file], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('generating the population failed');
  }
  return file;
}

export interface Memory {
  /** Resident set size: everything in RAM, the database pages mapped by mmap included. */
  rssMb: number;
  /** Private memory: the JS heap, native buffers and SQLite's page cache (what a leak makes grow). */
  anonMb: number;
  /** File pages mapped: mostly the database file (mmap), shared with the OS page cache and reclaimable. */
  fileMb: number;
}

export function memoryOf(pid: number): Memory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  const mb = (k: number) => Math.round(k / 102.4) / 10;
  return { rssMb: mb(kb('VmRSS')), anonMb: mb(kb('RssAnon')), fileMb: mb(kb('RssFile')) };
}

/** CPU milliseconds (user + system, every thread) the process has used. */
export function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10; // utime, stime in ticks of 10 ms (USER_HZ 100)
}

export interface WaveServer {
  url: string;
  pid: number;
  /** Lines the server logged at level error or worse so far (an unhandled error is one). */
  errorLogLines: () => Promise<number>;
  stop: () => Promise<void>;
}

/** Imports `rows` generated students into a new data dir and serves it; `importSeconds` says how long the import took. */
export async function startWaveServer(rows: number): Promise<WaveServer & { importSeconds: number }> {
  const file = populationFile(rows);
  const dataDir = mkdtempSync(join(tmpdir(), 'jm-bench-wave-'));
  const t = performance.now();
  const imported = spawnSync(process.execPath, [CLI, '--data-dir', dataDir, 'import-population', file, '--peildatum', '2023-12-01', '--json'], { cwd: ROOT, encoding: 'utf8' });
  if (imported.status !== 0) throw new Error(`import failed: ${imported.stdout}${imported.stderr}`);
  const importSeconds = Math.round(performance.now() - t) / 1000;
  const logFile = join(dataDir, 'server.log');
  const fd = openSync(logFile, 'a');
  const child = spawn(process.execPath, [...benchNodeArgs(), CLI, '--data-dir', dataDir, '--port', '0', 'serve', '--host', '127.0.0.1'], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'info' },
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  const url = await listening(child, logFile);
  return {
    url,
    pid: child.pid!,
    errorLogLines: () => countErrorLines(logFile),
    importSeconds,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function listening(child: ChildProcess, logFile: string): Promise<string> {
  let exit: number | null | undefined;
  child.once('exit', (code) => (exit = code));
  for (let waited = 0; waited < 60_000; waited += 100) {
    const head = readFileSync(logFile, 'utf8').slice(0, 20_000);
    const m = /running at (http:\/\/127\.0\.0\.1:\d+)/.exec(head);
    if (m) return m[1]!;
    if (exit !== undefined) throw new Error(`server exited with ${exit}:\n${head}`);
    await sleep(100);
  }
  throw new Error(`server did not start:\n${readFileSync(logFile, 'utf8').slice(0, 5000)}`);
}

async function countErrorLines(logFile: string): Promise<number> {
  let n = 0;
  for await (const line of createInterface({ input: createReadStream(logFile) })) if (/"level":(50|60)/.test(line)) n++;
  return n;
}

/**
 * An Express hello world in a process of its own (bench/login-server.ts), the wave's baseline: its latency,
 * asked a few times a second during the wave, shows what the machine's other work adds to any request.
 */
export async function startHelloWorld(): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = fork(join(ROOT, 'bench', 'login-server.ts'), ['--mode', 'hello'], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const port = await new Promise<number>((ok, fail) => {
    child.once('message', (m) => ok((m as { port: number }).port));
    child.once('exit', (code) => fail(new Error(`hello world exited with ${code}`)));
  });
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
