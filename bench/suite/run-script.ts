// Runs one standalone bench script in its own process (so its time and peak memory are its own), its output
// kept in bench/results/logs/<name>.log, and reads the JSON it writes.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const RESULTS_DIR = join(ROOT, 'bench', 'results');

export interface ScriptRun {
  /** bench/<script>, run with `node --import tsx`. */
  script: string;
  args?: string[];
  env?: Record<string, string>;
  /** The log file's name in bench/results/logs/. */
  log: string;
  /** The JSON file in bench/results/ the script writes: it must be newer than the start of this run. */
  json: string;
}

/** Resolves with the script's JSON; throws when the script wrote none (a crash), naming its log. */
export async function runBenchScript<T>({ script, args = [], env = {}, log, json }: ScriptRun): Promise<T> {
  mkdirSync(join(RESULTS_DIR, 'logs'), { recursive: true });
  const logFile = join(RESULTS_DIR, 'logs', log);
  const out = createWriteStream(logFile);
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', script), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(out, { end: false });
  child.stderr.pipe(out, { end: false });
  // Ending the suite ends the benchmark it is running, not a stray process left behind.
  const stop = () => child.kill('SIGTERM');
  process.once('SIGINT', stop);
  const code = await new Promise<number | null>((ok) => child.once('close', (c) => ok(c)));
  process.off('SIGINT', stop);
  await new Promise<void>((ok) => out.end(() => ok()));
  const file = join(RESULTS_DIR, json);
  // A script exits 1 when a target is missed; that is a result. No fresh JSON is a crash.
  if (!existsSync(file) || statSync(file).mtimeMs < started) {
    throw new Error(`bench/${script} wrote no results (exit ${code}); see bench/results/logs/${log}`);
  }
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}
