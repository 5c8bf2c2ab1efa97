// The staff session cookie: its own name, and a path of /api/staff so the browser never sends it to the student
// API (and the student cookie, though sent here too, is never read here). SameSite=Strict: the staff app is
// never entered from a link on another site with a session. The cookie holds a random token; only its hash is stored.
import type { Request, RequestHandler, Response } from 'express';
import { parse as parseCookies } from 'cookie';
import type { Config } from '../../config.ts';
import { staffApi } from '../../api/endpoints.ts';
import { noStaffSession, type StaffSessionService } from '../../services/staff/staff-sessions.ts';
import type { StaffPrincipal } from '../../services/staff/access.ts';

export const STAFF_COOKIE = 'jm_staff';

declare module 'express-serve-static-core' {
  interface Locals {
    /** The signed-in staff user, as read at the start of this request. */
    staff?: StaffPrincipal;
  }
}

const cookieOptions = (config: Config) => ({ httpOnly: true, sameSite: 'strict' as const, secure: config.secureCookies, path: staffApi.base });

export function setStaffCookie(res: Response, token: string, config: Config): void {
  res.cookie(STAFF_COOKIE, token, cookieOptions(config));
}

export function clearStaffCookie(res: Response, config: Config): void {
  res.clearCookie(STAFF_COOKIE, cookieOptions(config));
}

/** The staff cookie's token (the only cookie the staff API reads). */
export const staffToken = (req: Request): string | undefined => {
  const header = req.headers.cookie;
  const t = header ? parseCookies(header)[STAFF_COOKIE] : undefined;
  return t && t.length <= 100 ? t : undefined;
};

/** Requires a live staff session; sets res.locals.staff. A dead session's cookie is cleared. */
export function requireStaff(sessions: StaffSessionService, config: Config): RequestHandler {
  return async (req, res, next) => {
    const token = staffToken(req);
    if (!token) throw noStaffSession();
    try {
      res.locals.staff = await sessions.resolve(token);
    } catch (err) {
      clearStaffCookie(res, config);
      throw err;
    }
    next();
  };
}
