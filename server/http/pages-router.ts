// What a browser renders: the printable questionnaire and the built clients (server/http/static-files.ts: brotli or
// gzip, hashed assets cached for a year, a missing file a 404): the staff app's shell for every page address under
// /staff, the student app's for every other. Helmet's headers are set by the app before this router.
import { Router } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Questionnaire } from '../../questionnaire/schema.ts';
import type { Definitions } from '../services/survey/definitions.ts';
import { printableRouter } from './printable-router.ts';
import { staticFiles } from './static-files.ts';

export function pagesRouter({ clientDir, questionnaires, definitions }: { clientDir: string | null; questionnaires: Map<string, Questionnaire>; definitions: Definitions }): Router {
  const r = Router({ caseSensitive: true });
  r.use(printableRouter(questionnaires, definitions));
  if (clientDir && existsSync(join(clientDir, 'index.html'))) {
    if (existsSync(join(clientDir, 'staff', 'index.html'))) r.use('/staff', staticFiles(join(clientDir, 'staff')));
    r.use(staticFiles(clientDir));
  }
  return r;
}
