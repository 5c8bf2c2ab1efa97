// Structured logs (pino). Request logs carry method, route, status and duration only: never bodies,
// query strings, cookies or anything a student typed.
import { pino, type Logger } from 'pino';
import type { RequestHandler } from 'express';

export function createLogger(level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: undefined, redact: { paths: ['req.headers.cookie', 'req.body', '*.surname', '*.birthDate'], remove: true } });
}

export function requestLogger(log: Logger): RequestHandler {
  return (req, res, next) => {
    const start = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const level = res.statusCode >= 500 ? 'error' : 'info';
      log[level]({ method: req.method, path: req.originalUrl.split('?')[0], status: res.statusCode, ms: Math.round(ms * 10) / 10 }, 'request');
    });
    next();
  };
}
