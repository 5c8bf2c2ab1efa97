// Structured logs (pino). Request logs carry method, route, status and duration only: never bodies,
// query strings, cookies or anything a student typed.
import { pino, type Logger } from 'pino';
import type { RequestHandler } from 'express';

export function createLogger(level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: undefined, redact: { paths: ['req.headers.cookie', 'req.body', '*.surname', '*.birthDate'], remove: true } });
}

/** The path of a request URL, without its query string. */
const pathOf = (url: string) => {
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
};

export function requestLogger(log: Logger): RequestHandler {
  // The request line is made here of four fields that never carry what anyone typed, so it skips the wildcard
  // redaction every other log call goes through (about 1 us and 3 KB of garbage a request).
  const lines = log.child({}, { redact: { paths: [] } });
  return (req, res, next) => {
    const start = performance.now();
    res.on('finish', () => {
      const level = res.statusCode >= 500 ? 'error' : 'info';
      lines[level]({ method: req.method, path: pathOf(req.originalUrl), status: res.statusCode, ms: Math.round((performance.now() - start) * 10) / 10 }, 'request');
    });
    next();
  };
}
