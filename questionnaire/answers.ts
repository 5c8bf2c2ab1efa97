// Answer validation derived from the definition: one zod schema per question, used by the client's form
// resolver and by the server before anything is stored. zod/mini keeps the student bundle small.
import * as z from 'zod/mini';
import type { Question, Questionnaire } from './schema.ts';

export type GridAnswer = Record<string, number | string>;
export type AnswerValue = string | number | string[] | GridAnswer;
/** Answers by question id; null means the student cleared the answer. */
export type Answers = Record<string, AnswerValue | null | undefined>;

type Schema = z.ZodMiniType<AnswerValue>;

const codes = (xs: { code: string }[]) => z.enum(xs.map((x) => x.code) as [string, ...string[]]);
const intBetween = (min: number, max: number) => z.int().check(z.gte(min), z.lte(max));

export function answerSchemaFor(q: Question): Schema {
  switch (q.type) {
    case 'grid': {
      const point = q.optOuts.length ? z.union([intBetween(1, q.scale.length), codes(q.optOuts)]) : intBetween(1, q.scale.length);
      return z.strictObject(Object.fromEntries(q.items.map((it) => [it.id, z.optional(point)]))) as Schema;
    }
    case 'single':
      return codes(q.options);
    case 'multi': {
      const arr = z.array(codes(q.options)).check(z.refine((a) => new Set(a).size === a.length, 'an option is chosen twice'));
      return q.maxChoices ? arr.check(z.maxLength(q.maxChoices)) : arr;
    }
    case 'grade':
      return q.optOuts.length ? z.union([intBetween(1, 10), codes(q.optOuts)]) : intBetween(1, 10);
    case 'number':
      return intBetween(q.min, q.max);
    case 'open':
      // A lone UTF-16 surrogate is not text: it cannot be written as UTF-8 in an export.
      return z.string().check(z.maxLength(q.maxLength), z.refine((s) => !LONE_SURROGATE.test(s), 'not valid text (a lone surrogate)'));
  }
}

/** In a `u` regular expression a surrogate pair is one code point, so this finds only unpaired halves. */
const LONE_SURROGATE = /\p{Cs}/u;

/** Index of questions by id, built once per definition. */
const indexCache = new WeakMap<Questionnaire, Map<string, { question: Question; pageId: string }>>();
export function questionIndex(def: Questionnaire): Map<string, { question: Question; pageId: string }> {
  let idx = indexCache.get(def);
  if (!idx) {
    idx = new Map();
    for (const page of def.pages) for (const question of page.questions) idx.set(question.id, { question, pageId: page.id });
    indexCache.set(def, idx);
  }
  return idx;
}

const schemaCache = new WeakMap<Question, Schema>();
function cachedSchema(q: Question): Schema {
  let s = schemaCache.get(q);
  if (!s) schemaCache.set(q, (s = answerSchemaFor(q)));
  return s;
}

export type AnswerCheck = { ok: true; value: AnswerValue | null } | { ok: false; message: string };

/** Checks one answer against its question; null (a cleared answer) is always allowed. */
export function checkAnswer(def: Questionnaire, questionId: string, value: unknown): AnswerCheck {
  const entry = questionIndex(def).get(questionId);
  if (!entry) return { ok: false, message: `unknown question "${questionId}"` };
  if (value === null) return { ok: true, value: null };
  const r = cachedSchema(entry.question).safeParse(value);
  if (!r.success) return { ok: false, message: `${questionId}: ${r.error.issues.map((i) => i.message).join('; ')}` };
  return { ok: true, value: r.data };
}

/** The form schema for one page: every question optional, as in the real survey. */
export function buildPageSchema(def: Questionnaire, pageId: string): z.ZodMiniType<Answers, Answers> {
  const page = def.pages.find((p) => p.id === pageId);
  if (!page) throw new Error(`unknown page "${pageId}"`);
  const schema = z.object(Object.fromEntries(page.questions.map((q) => [q.id, z.optional(z.nullable(cachedSchema(q)))])));
  // The per-question schemas are typed as AnswerValue, so the object is an Answers record; zod cannot infer that from a dynamic shape.
  return schema as unknown as z.ZodMiniType<Answers, Answers>;
}
