// Answer validation derived from the definition: one zod schema per question, used by the client's form
// resolver and by the server before anything is stored.
import { z } from 'zod';
import type { Question, Questionnaire } from './schema.ts';

export type GridAnswer = Record<string, number | string>;
export type AnswerValue = string | number | string[] | GridAnswer;
/** Answers by question id; null means the student cleared the answer. */
export type Answers = Record<string, AnswerValue | null | undefined>;

export function answerSchemaFor(q: Question): z.ZodType<AnswerValue> {
  switch (q.type) {
    case 'grid': {
      const point = z.union([
        z.number().int().min(1).max(q.scale.length),
        z.enum(q.optOuts.length ? (q.optOuts.map((o) => o.code) as [string, ...string[]]) : ['\u0000never']),
      ]);
      const shape = Object.fromEntries(q.items.map((it) => [it.id, point.optional()]));
      return z.strictObject(shape).transform((v) => stripUndefined(v)) as unknown as z.ZodType<GridAnswer>;
    }
    case 'single':
      return z.enum(q.options.map((o) => o.code) as [string, ...string[]]);
    case 'multi': {
      const arr = z
        .array(z.enum(q.options.map((o) => o.code) as [string, ...string[]]))
        .refine((a) => new Set(a).size === a.length, 'an option is chosen twice');
      return q.maxChoices ? arr.max(q.maxChoices) : arr;
    }
    case 'grade': {
      const grade = z.number().int().min(1).max(10);
      return q.optOuts.length ? z.union([grade, z.enum(q.optOuts.map((o) => o.code) as [string, ...string[]])]) : grade;
    }
    case 'number':
      return z.number().int().min(q.min).max(q.max);
    case 'open':
      return z.string().max(q.maxLength);
  }
}

function stripUndefined(v: Record<string, unknown>): GridAnswer {
  const out: GridAnswer = {};
  for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = x as number | string;
  return out;
}

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

const schemaCache = new WeakMap<Question, z.ZodType<AnswerValue>>();
function cachedSchema(q: Question): z.ZodType<AnswerValue> {
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
export function buildPageSchema(def: Questionnaire, pageId: string) {
  const page = def.pages.find((p) => p.id === pageId);
  if (!page) throw new Error(`unknown page "${pageId}"`);
  return z.object(Object.fromEntries(page.questions.map((q) => [q.id, cachedSchema(q).nullable().optional()])));
}
