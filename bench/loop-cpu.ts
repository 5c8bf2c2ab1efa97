// CPU time of the event-loop thread alone (Linux, from /proc): with a writer thread beside it, the
// process's CPU time no longer says how busy the event loop is. NaN where /proc is not there.
import { readFileSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux

export function loopThreadMs(): number {
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS; // utime, stime
  } catch {
    return NaN;
  }
}

/**
 * Answers the benchmark driver over IPC: `cpu-reset` starts counting, `cpu` replies with the CPU milliseconds
 * since then, of the whole process and of the event-loop thread alone. On a shared machine wall-clock rates
 * move with the neighbours' load, CPU time much less.
 */
export function reportCpuOnRequest(): void {
  let cpuAtStart = process.cpuUsage();
  let loopAtStart = loopThreadMs();
  process.on('message', (m) => {
    const cmd = (m as { cmd?: string }).cmd;
    if (cmd === 'cpu-reset') {
      cpuAtStart = process.cpuUsage();
      loopAtStart = loopThreadMs();
    }
    if (cmd === 'cpu') {
      const c = process.cpuUsage(cpuAtStart);
      process.send!({ cpuMs: (c.user + c.system) / 1000, loopMs: loopThreadMs() - loopAtStart });
    }
  });
}
