// The printable questionnaire: /vragenlijst/<version>[?lang=en][&brin=99DM] as plain HTML, its stylesheet, and
// the list of versions. Public: institutions read the final questionnaire before fieldwork starts.
import { Router } from 'express';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Questionnaire } from '../../questionnaire/schema.ts';
import type { Definitions } from '../services/survey/definitions.ts';
import { renderQuestionnaire, renderVersionList } from './printable/render.ts';
import { parse } from './middleware/validate.ts';

const css = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'printable/vragenlijst.css'), 'utf8');

const querySchema = z.object({
  lang: z.enum(['nl', 'en']).default('nl'),
  brin: z.string().regex(/^\d{2}[A-Z]{2}$/).optional(),
});

export function printableRouter(questionnaires: Map<string, Questionnaire>, definitions: Definitions): Router {
  const r = Router({ caseSensitive: true });
  r.get('/vragenlijst.css', (_req, res) => {
    res.type('text/css').set('Cache-Control', 'public, max-age=300').send(css);
  });
  r.get('/vragenlijst', (req, res) => {
    const { lang } = parse(querySchema, req.query);
    res.type('html').set('Cache-Control', 'no-cache').send(renderVersionList([...questionnaires.keys()], lang));
  });
  r.get('/vragenlijst/:version', (req, res) => {
    const { lang, brin } = parse(querySchema, req.query);
    const core = questionnaires.get(req.params.version);
    // An unknown version answers 404 here, with the list of versions, rather than falling through to the SPA shell.
    if (!core) return void res.status(404).type('html').send(renderVersionList([...questionnaires.keys()], lang));
    const moduleId = brin ? definitions.currentModule(brin) : null;
    const def = definitions.withModule(core.id, moduleId);
    const other = new URLSearchParams({ ...(lang === 'nl' ? { lang: 'en' } : {}), ...(brin ? { brin } : {}) }).toString();
    const html = renderQuestionnaire(def, lang, {
      otherLangHref: `/vragenlijst/${core.id}${other ? `?${other}` : ''}`,
      ...(moduleId ? { moduleFrom: core.pages.length } : {}),
    });
    res.type('html').set('Cache-Control', 'no-cache').send(html);
  });
  return r;
}
