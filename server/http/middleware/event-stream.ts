// Server-sent events: opens a text/event-stream answer, writes named events, and keeps the connection alive with a
// heartbeat comment (proxies and phones drop a silent connection). The browser's EventSource reconnects by itself
// after `retry` ms when the connection drops.
import type { Request, Response } from 'express';

export const HEARTBEAT_MS = 15_000;
const RETRY_MS = 2000;

export interface EventStream {
  send(event: string, data: string): void;
  close(): void;
}

/** `onHeartbeat` runs with every heartbeat (e.g. to check the session is still live); `onClose` once at the end. */
export function openEventStream(req: Request, res: Response, { onHeartbeat, onClose }: { onHeartbeat?: () => void; onClose: () => void }): EventStream {
  res.status(200).set({
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no', // a reverse proxy must pass each event on at once
  });
  res.flushHeaders();
  req.socket.setNoDelay(true);
  res.write(`retry: ${RETRY_MS}\n\n`);
  let open = true;
  const heartbeat = setInterval(() => {
    res.write(': heartbeat\n\n');
    onHeartbeat?.();
  }, HEARTBEAT_MS);
  const close = () => {
    if (!open) return;
    open = false;
    clearInterval(heartbeat);
    onClose();
    res.end();
  };
  res.on('close', close);
  return {
    // JSON has no raw newlines, so one data line carries it.
    send: (event, data) => {
      if (open) res.write(`event: ${event}\ndata: ${data}\n\n`);
    },
    close,
  };
}
