// Removes sessions idle for longer than the expiry, so the table holds only sessions that can still be used.
// A session that expired is refused when it is used (services/sessions.ts) whether or not the sweep has run;
// the sweep keeps the table small and leaves no stale token hashes behind. It runs through the writer in 256
// short steps (one per first byte of the token hash), so no step holds the write lock for long.
import type { Logger } from 'pino';
import type { Writer } from '../writes/writer.ts';

export interface SessionSweepOptions {
  writer: Writer;
  idleMinutes: number;
  now: () => Date;
  log: Logger;
  /** Time between the end of one pass and the start of the next. */
  intervalMs?: number;
}

/** One pass over all sessions; returns how many were removed. */
export async function sweepIdleSessions(writer: Writer, idleMinutes: number, now: () => Date): Promise<number> {
  const cutoff = new Date(now().getTime() - idleMinutes * 60_000).toISOString();
  let removed = 0;
  for (let slice = 0; slice < 256; slice++) removed += await writer.run('removeIdleSessions', slice, cutoff);
  return removed;
}

/** Sweeps every `intervalMs` (default 10 minutes) until stopped; stop() waits for a pass in progress. */
export function startSessionSweep({ writer, idleMinutes, now, log, intervalMs = 10 * 60_000 }: SessionSweepOptions): { stop: () => Promise<void> } {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;
  const schedule = () => {
    if (!stopped) timer = setTimeout(pass, intervalMs).unref();
  };
  function pass(): void {
    running = sweepIdleSessions(writer, idleMinutes, now)
      .then((removed) => {
        if (removed > 0) log.info({ removed }, 'idle sessions removed');
      })
      .catch((err: unknown) => log.error({ err }, 'idle-session sweep failed; it runs again at the next interval'))
      .finally(() => {
        running = null;
        schedule();
      });
  }
  schedule();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
