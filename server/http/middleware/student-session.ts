// The student session cookie: set at login, read on every survey request and resolved to its response by the
// session service. The cookie holds a random token; only its hash is stored.
import type { Request, RequestHandler, Response } from 'express';
import { parse as parseCookies } from 'cookie';
import type { Config } from '../../config.ts';
import { noSession, type SessionService } from '../../services/login/sessions.ts';
import type { SurveyResponse } from '../../services/survey/survey-service.ts';

export const SESSION_COOKIE = 'jm_session';

declare module 'express-serve-static-core' {
  interface Locals {
    /** The session's response as read at the start of this request. */
    response?: SurveyResponse;
  }
}

const cookieOptions = (config: Config) => ({ httpOnly: true, sameSite: 'lax' as const, secure: config.secureCookies, path: '/api' });

export function setSessionCookie(res: Response, token: string, config: Config): void {
  res.cookie(SESSION_COOKIE, token, cookieOptions(config));
}

export function clearSessionCookie(res: Response, config: Config): void {
  res.clearCookie(SESSION_COOKIE, cookieOptions(config));
}

/** The session cookie's token, read from the Cookie header (the only cookie the student API reads). */
export const sessionToken = (req: Request): string | undefined => {
  const header = req.headers.cookie;
  const t = header ? parseCookies(header)[SESSION_COOKIE] : undefined;
  return t && t.length <= 100 ? t : undefined;
};

/** Requires a live session; sets res.locals.response. A dead session's cookie is cleared. */
export function requireSession(sessions: SessionService, config: Config): RequestHandler {
  return async (req, res, next) => {
    const token = sessionToken(req);
    if (!token) throw noSession();
    try {
      res.locals.response = await sessions.resolve(token);
    } catch (err) {
      clearSessionCookie(res, config);
      throw err;
    }
    next();
  };
}
