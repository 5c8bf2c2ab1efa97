// Session cookie handling: resolves the cookie to a response, expires idle sessions.
import type { Request, RequestHandler, Response } from 'express';
import { parse as parseCookies } from 'cookie';
import type { Repos } from '../db/index.ts';
import type { ResponseRow } from '../db/responses.ts';
import type { Writer } from '../writes/writer.ts';
import type { Config } from '../config.ts';
import { checkSession, noSession } from '../services/sessions.ts';
import { sha256 } from '../services/keys.ts';

export const SESSION_COOKIE = 'jm_session';

declare module 'express-serve-static-core' {
  interface Locals {
    /** The session's response as read at the start of this request. */
    response?: ResponseRow;
  }
}

export function setSessionCookie(res: Response, token: string, config: Config): void {
  res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: config.secureCookies, path: '/api' });
}

export function clearSessionCookie(res: Response, config: Config): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: config.secureCookies, path: '/api' });
}

/** The session cookie's token, read from the Cookie header (the only cookie the API reads). */
export const sessionToken = (req: Request): string | undefined => {
  const header = req.headers.cookie;
  const t = header ? parseCookies(header)[SESSION_COOKIE] : undefined;
  return t && t.length <= 100 ? t : undefined;
};

/** Requires a live session; sets res.locals.response. */
export function requireSession(repos: Repos, writer: Writer, config: Config, now: () => Date): RequestHandler {
  return async (req, res, next) => {
    const token = sessionToken(req);
    if (!token) throw noSession();
    const hash = sha256(token);
    const t = now();
    const check = checkSession(repos.sessions.get(hash), t, config.sessionIdleMinutes);
    if (!check.ok) {
      if (check.expired) await writer.run('removeSession', hash);
      clearSessionCookie(res, config);
      throw noSession();
    }
    if (check.touch) await writer.run('touchSession', hash, t.toISOString());
    res.locals.response = check.response;
    next();
  };
}
