// While the server stops: requests already being handled finish, and a request that arrives on a connection still
// open gets a clean 503 (and the connection is closed) instead of a reset, so the browser keeps its answers and
// sends them again to the server that comes next.
import type { RequestHandler } from 'express';
import { AppError } from '../../services/common/errors.ts';

export const shuttingDown = () =>
  new AppError('shutting_down', {
    nl: 'De server wordt herstart. Je antwoorden blijven bewaard en worden zo opnieuw verstuurd.',
    en: 'The server is restarting. Your answers are kept and will be sent again shortly.',
  });

export function refuseWhileStopping(stopping: () => boolean): RequestHandler {
  return (_req, res, next) => {
    if (!stopping()) return next();
    res.set('Connection', 'close');
    throw shuttingDown();
  };
}
