// POST /api/login, POST /api/logout. Registered on the app itself (no router level of its own per request).
import express, { type IRouter } from 'express';
import type { Config } from '../config.ts';
import type { LoginService } from '../services/login.ts';
import { loginRequestSchema } from '../api/contract.ts';
import { BODY_LIMIT, parse } from '../api/validate.ts';
import { AppError } from '../errors.ts';
import { clearSessionCookie, sessionToken, setSessionCookie } from './session.ts';

const json = express.json({ limit: BODY_LIMIT, strict: true });

export function authRoutes(r: IRouter, login: LoginService, config: Config): void {
  r.post('/api/login', json, async (req, res) => {
    const input = parse(loginRequestSchema, req.body);
    let outcome;
    try {
      outcome = await login.login(input, req.ip ?? '');
    } catch (err) {
      if (err instanceof AppError && err.status === 429) res.set('Retry-After', String((err.details as { retryAfterSeconds: number }).retryAfterSeconds));
      throw err;
    }
    const { result, sessionToken: token } = outcome;
    if (token) setSessionCookie(res, token, config);
    else clearSessionCookie(res, config);
    res.json(result);
  });
  r.post('/api/logout', async (req, res) => {
    const token = sessionToken(req);
    if (token) await login.logout(token);
    clearSessionCookie(res, config);
    res.status(204).end();
  });
}
