// The virtual students' HTTP client: one undici connection pool to the server on loopback, every request timed
// from sending to the last byte of the answer and recorded by type. Each student carries its own session cookie,
// as each browser does.
import { Pool } from 'undici';
import type { RequestType, WaveStats } from './wave-stats.ts';

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export class WaveHttp {
  private readonly pool: Pool;

  constructor(
    readonly origin: string,
    private readonly stats: WaveStats,
    connections: number,
  ) {
    const host = new URL(origin).hostname;
    // Bounded to this machine: the wave never loads anything but a server on loopback.
    if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1') throw new Error(`the wave only runs against loopback, not ${host}`);
    // A browser waits long for a connection and an answer; these limits only end a request that hangs.
    this.pool = new Pool(origin, { connections, pipelining: 1, connect: { timeout: 30_000 }, headersTimeout: 60_000, bodyTimeout: 60_000 });
  }

  /** Sends one request; a network failure is recorded and answered as status 0. */
  async call(type: RequestType, method: 'GET' | 'POST' | 'PUT', path: string, opts: { cookie?: string; body?: unknown; headers?: Record<string, string>; discard?: boolean } = {}): Promise<Answer> {
    const headers: Record<string, string> = { 'accept-language': 'nl', ...opts.headers };
    // As the client's fetch wrapper: every state-changing request says it is JSON, also without a body.
    if (method !== 'GET') headers['content-type'] = 'application/json';
    if (opts.cookie) headers.cookie = opts.cookie;
    const start = performance.now();
    try {
      const res = await this.pool.request({ method, path, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
      // Bytes as they came (compressed or not: undici does not decode), so the count is what went over the wire.
      let body = '';
      let bytes = 0;
      if (opts.discard) for await (const chunk of res.body as AsyncIterable<Buffer>) bytes += chunk.length;
      else bytes = Buffer.byteLength((body = await res.body.text()));
      this.stats.request(type, performance.now() - start, res.statusCode, bytes);
      return { status: res.statusCode, headers: res.headers, body };
    } catch (err) {
      this.stats.request(type, performance.now() - start, 'network');
      this.stats.error(type, `${method} ${path}: ${err instanceof Error ? err.message : String(err)}`);
      return { status: 0, headers: {}, body: '' };
    }
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

/** The `code` of the server's error body, if it has one. */
export function errorCode(a: Answer): string | undefined {
  try {
    return (JSON.parse(a.body) as { error?: { code?: string } }).error?.code;
  } catch {
    return undefined;
  }
}
