// Cross-site request forgery: a state-changing API request must come from a page of this site. SameSite cookies
// alone do not stop a page on the same site (another port of the same host, a school's other web app) from posting
// a form; so every request that is not GET, HEAD or OPTIONS must say it is JSON (which a plain form or a no-cors
// fetch cannot, without a preflight that this server never allows), and when the browser tells where it comes from
// (Sec-Fetch-Site, or else Origin), that must be this very origin.
import type { Request, RequestHandler } from 'express';
import { AppError } from '../../services/common/errors.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export const crossSite = () =>
  new AppError('cross_site', {
    nl: 'Dit verzoek komt niet van deze website en is geweigerd.',
    en: 'This request does not come from this website and was refused.',
  });

const isJson = (req: Request) => (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase() === 'application/json';

/** Whether the browser says the request comes from this origin (or says nothing, as non-browser clients do). */
function fromThisSite(req: Request): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined) return site === 'same-origin' || site === 'none';
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  return origin === `${req.protocol}://${req.headers.host ?? ''}`;
}

export const sameOrigin: RequestHandler = (req, _res, next) => {
  if (SAFE.has(req.method)) return next();
  if (!isJson(req) || !fromThisSite(req)) throw crossSite();
  next();
};
