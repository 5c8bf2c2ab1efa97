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
