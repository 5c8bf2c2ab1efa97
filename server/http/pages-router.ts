// What a browser renders: the printable questionnaire and the built clients (hashed assets cached for a year; the
// staff app's shell under /staff, the student app's shell for every other page address). Helmet's headers are set
// by the app before this router.
import express, { Router } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Questionnaire } from '../../questionnaire/schema.ts';
import type { Definitions } from '../services/survey/definitions.ts';
import { printableRouter } from './printable-router.ts';

export function pagesRouter({ clientDir, questionnaires, definitions }: { clientDir: string | null; questionnaires: Map<string, Questionnaire>; definitions: Definitions }): Router {
  const r = Router({ caseSensitive: true });
  r.use(printableRouter(questionnaires, definitions));
  if (clientDir && existsSync(join(clientDir, 'index.html'))) {
    r.use('/assets', express.static(join(clientDir, 'assets'), { immutable: true, maxAge: '1y', index: false }));
    r.use('/staff/assets', express.static(join(clientDir, 'staff', 'assets'), { immutable: true, maxAge: '1y', index: false }));
    r.use(express.static(clientDir, { index: false, maxAge: 0 }));
    // The staff app (its own build in staff/) answers every address under /staff with its shell.
    r.get(/^\/staff(\/.*)?$/, (_req, res) => {
      res.set('Cache-Control', 'no-cache').sendFile(join(clientDir, 'staff', 'index.html'));
    });
    // The SPA answers every other GET with its shell.
    r.get(/^(?!\/api\/).*/, (_req, res) => {
      res.set('Cache-Control', 'no-cache').sendFile(join(clientDir, 'index.html'));
    });
  }
  return r;
}
