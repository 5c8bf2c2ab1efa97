// Institution modules: up to 10 extra questions of one institution (by BRIN), shown after the core questions.
// A module is validated exactly like the core: appended to each core version, the whole must pass the same schema.
import { z } from 'zod';
import { parseQuestionnaire, textSchema, type Questionnaire } from './schema.ts';

export const MODULE_MAX_QUESTIONS = 10;
/** Pages of a module: each holds at least one of its at most 10 questions. */
export const MODULE_MAX_PAGES = MODULE_MAX_QUESTIONS;
/** Characters in any one text of a module (a title, an intro, a question, an option): the module is sent on every survey load. */
export const MODULE_MAX_TEXT = 2000;
/** Problems listed for a refused module; the rest are counted in one line. */
export const MODULE_MAX_LISTED_PROBLEMS = 50;
/** Module page and question ids start with this prefix, so they can never collide with core ids. */
export const MODULE_PREFIX = 'i_';

const moduleHeaderSchema = z.object({
  id: z.string(),
  title: z.unknown(),
  pages: z
    .array(z.object({ id: z.string(), questions: z.array(z.object({ id: z.string() }).loose()) }).loose())
    .min(1, 'a module needs at least one page')
    .max(MODULE_MAX_PAGES, `a module has at most ${MODULE_MAX_PAGES} pages`),
});

/** Every string in the module longer than MODULE_MAX_TEXT, by its path. */
function longTexts(value: unknown, path: string, out: string[]): void {
  if (typeof value === 'string') {
    if (value.length > MODULE_MAX_TEXT) out.push(`${path || '(root)'}: a text has at most ${MODULE_MAX_TEXT} characters; this one has ${value.length}`);
  } else if (Array.isArray(value)) value.forEach((v, i) => longTexts(v, `${path}[${i}]`, out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) longTexts(v, path ? `${path}.${k}` : k, out);
}

/** At most MODULE_MAX_LISTED_PROBLEMS problems, and a count of the rest. */
export function capProblems(errors: string[]): string[] {
  if (errors.length <= MODULE_MAX_LISTED_PROBLEMS) return errors;
  return [...errors.slice(0, MODULE_MAX_LISTED_PROBLEMS), `... and ${errors.length - MODULE_MAX_LISTED_PROBLEMS} more problems`];
}

export type ModuleParse = { ok: true; value: Questionnaire; version: number } | { ok: false; errors: string[] };

/**
 * Checks a module file for one institution against every core version it may be served with.
 * The module's own id names the institution and its version: `<BRIN>-<n>`, e.g. `99DM-2`.
 */
export function parseModule(input: unknown, brin: string, cores: Questionnaire[]): ModuleParse {
  const r = parseModuleUncapped(input, brin, cores);
  return r.ok ? r : { ok: false, errors: capProblems(r.errors) };
}

function parseModuleUncapped(input: unknown, brin: string, cores: Questionnaire[]): ModuleParse {
  const head = moduleHeaderSchema.safeParse(input);
  if (!head.success) return { ok: false, errors: head.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`) };
  const tooLong: string[] = [];
  longTexts(input, '', tooLong);
  if (tooLong.length) return { ok: false, errors: tooLong };
  const mod = head.data;
  const errors: string[] = [];
  const title = textSchema.safeParse(mod.title);
  if (!title.success) errors.push(...title.error.issues.map((i) => `title${i.path.length ? '.' + i.path.join('.') : ''}: ${i.message}`));
  const m = new RegExp(`^${brin}-([1-9]\\d*)$`).exec(mod.id);
  if (!m) errors.push(`id: "${mod.id}" must be the BRIN and a version number, like "${brin}-1"`);
  const questions = mod.pages.flatMap((p) => p.questions);
  if (questions.length > MODULE_MAX_QUESTIONS) errors.push(`a module has at most ${MODULE_MAX_QUESTIONS} questions; this one has ${questions.length}`);
  mod.pages.forEach((p, i) => {
    if (!p.id.startsWith(MODULE_PREFIX)) errors.push(`pages[${i}](${p.id}).id: module page ids start with "${MODULE_PREFIX}"`);
    p.questions.forEach((q, j) => {
      if (!q.id.startsWith(MODULE_PREFIX)) errors.push(`pages[${i}](${p.id}).questions[${j}](${q.id}).id: module question ids start with "${MODULE_PREFIX}"`);
    });
  });
  let merged: Questionnaire | undefined;
  // Problem -> the core versions it occurs with; most problems occur with every core version.
  const found = new Map<string, string[]>();
  for (const core of cores) {
    const r = parseQuestionnaire({ ...core, pages: [...core.pages, ...mod.pages] });
    if (r.ok) {
      merged ??= r.value;
      continue;
    }
    for (const e of r.errors) {
      // Paths relative to the module file, not to the merged definition.
      const local = e.replace(/^pages\[(\d+)\]/, (_all, n: string) => `pages[${Number(n) - core.pages.length}]`);
      found.set(local, [...(found.get(local) ?? []), core.id]);
    }
  }
  for (const [e, with_] of found) errors.push(with_.length === cores.length ? e : `${e} (with core version ${with_.join(', ')})`);
  if (errors.length || !merged || !m || !title.success) return { ok: false, errors };
  const core = cores[0]!;
  return { ok: true, value: { id: mod.id, title: title.data, pages: merged.pages.slice(core.pages.length) }, version: Number(m[1]) };
}

/** The core definition with the module's pages after the core questions. */
export function mergeModule(core: Questionnaire, module: Questionnaire): Questionnaire {
  return { ...core, pages: [...core.pages, ...module.pages] };
}
