// Removes idle sessions every 10 minutes, so the table holds only sessions that can still be used. A session
// that expired is refused when it is used whether or not the sweep has run; the sweep leaves no stale token
// hashes behind. One DELETE over the last_seen_at index.
import type { Logger } from 'pino';
import type { SessionService } from './sessions.ts';

export interface SessionSweepOptions {
  sessions: SessionService;
  log: Logger;
  /** Time between the end of one pass and the start of the next. */
  intervalMs?: number;
}

/** Sweeps every `intervalMs` (default 10 minutes) until stopped; stop() waits for a pass in progress. */
export function startSessionSweep({ sessions, log, intervalMs = 10 * 60_000 }: SessionSweepOptions): { stop: () => Promise<void> } {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;
  const schedule = () => {
    if (!stopped) timer = setTimeout(pass, intervalMs).unref();
  };
  function pass(): void {
    running = sessions
      .sweep()
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
