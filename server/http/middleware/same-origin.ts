// Cross-site request forgery: a state-changing API request must come from a page of this site. SameSite cookies
// alone do not stop a page on the same site (another port of the same host, a school's other web app) from posting
// a form; so every request that is not GET, HEAD or OPTIONS must say it is JSON (which a plain form or a no-cors
// fetch cannot, without a preflight that this server never allows), and when the browser tells where it comes from
// (Sec-Fetch-Site, or else Origin), that must be this very origin.
// A file upload (the staff API's label files) cannot be JSON. It may be application/octet-stream instead, only
// together with the custom FILE_NAME_HEADER: a form cannot set a header, and a fetch from another origin that sets
// one needs a CORS preflight, which this server never grants (the same rule as OWASP's "custom request header"
// defence). The origin check applies to it as to JSON.
import type { Request, RequestHandler } from 'express';
import { FILE_NAME_HEADER } from '../../api/endpoints.ts';
import { AppError } from '../../services/common/errors.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export const crossSite = () =>
  new AppError('cross_site', {
    nl: 'Dit verzoek komt niet van deze website en is geweigerd.',
    en: 'This request does not come from this website and was refused.',
  });

const mediaType = (req: Request) => (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
const isJson = (req: Request) => mediaType(req) === 'application/json';
const isUpload = (req: Request) => mediaType(req) === 'application/octet-stream' && (req.get(FILE_NAME_HEADER) ?? '') !== '';

/** Whether the browser says the request comes from this origin (or says nothing, as non-browser clients do). */
function fromThisSite(req: Request): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined) return site === 'same-origin' || site === 'none';
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  return origin === `${req.protocol}://${req.headers.host ?? ''}`;
}

function guard(uploads: boolean): RequestHandler {
  return (req, _res, next) => {
    if (SAFE.has(req.method)) return next();
    if (!(isJson(req) || (uploads && isUpload(req))) || !fromThisSite(req)) throw crossSite();
    next();
  };
}

/** JSON only (the student API). */
export const sameOrigin: RequestHandler = guard(false);
/** JSON, or a file upload with its FILE_NAME_HEADER (the staff API). */
export const sameOriginWithUploads: RequestHandler = guard(true);
