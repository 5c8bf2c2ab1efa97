// Serves the built student app: the brotli or gzip copy made at build time when the browser accepts it
// (Content-Encoding and Vary set by express-static-gzip), hashed /assets cached for a year as immutable,
// everything else revalidated; the SPA shell for any other page address. A missing file is a 404, never the shell.
import express, { type Router } from 'express';
import compression from 'compression';
import expressStaticGzip from 'express-static-gzip';
import type { ServeStaticOptions } from 'serve-static';
import { join } from 'node:path';

const ONE_YEAR = 365 * 24 * 60 * 60 * 1000;

export function staticFiles(clientDir: string): Router {
  const router = express.Router();
  // The service worker and its runtime are written after the bundle and have no precompressed copy: compressed
  // as they are sent (a response that already has a Content-Encoding is left alone).
  router.use(compression());
  const precompressed = (dir: string, serveStatic: ServeStaticOptions) =>
    expressStaticGzip(dir, { enableBrotli: true, orderPreference: ['br', 'gzip'], index: false, serveStatic: { index: false, ...serveStatic } });

  // Vite names every file under /assets by its content hash: a changed file is a new address, so cached for good.
  router.use('/assets', precompressed(join(clientDir, 'assets'), { immutable: true, maxAge: ONE_YEAR }));
  const files = precompressed(clientDir, {
    // The service worker, its runtime, the shell and the icon keep their names across releases: always revalidated.
    setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache'),
  });
  router.use(files);
  // Any other page address gets the shell; an address that names a file (an extension in its last part, or
  // anything under /assets) was not found above and falls through to the 404.
  router.get(/^\/(?!api\/|assets\/)(?:[^/]*\/)*[^/.]*$/, (req, res, next) => {
    req.url = '/index.html';
    files(req, res, next);
  });
  return router;
}
