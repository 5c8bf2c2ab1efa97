// The staff API under /api/staff. Its accounts, roles and CSRF check come with the staff app; until then every
// staff path answers 404 with the API's error shape and headers.
import { Router } from 'express';
import { notFoundHandler } from './middleware/errors.ts';

export function staffRouter(): Router {
  const r = Router({ caseSensitive: true, strict: true });
  r.use(notFoundHandler);
  return r;
}
