// Unauthenticated reads: health and the school picker's list.
import type { IRouter } from 'express';
import type { Repos } from '../db/index.ts';
import type { InstitutionOption } from '../api/contract.ts';

export function publicRoutes(r: IRouter, repos: Repos): void {
  r.get('/api/health', (_req, res) => {
    repos.db.prepare('SELECT 1').get();
    res.json({ status: 'ok' });
  });
  r.get('/api/institutions', (_req, res) => {
    const list: InstitutionOption[] = repos.institutions.list().map(({ brin, name }) => ({ brin, name }));
    res.set('Cache-Control', 'public, max-age=300').json(list);
  });
}
