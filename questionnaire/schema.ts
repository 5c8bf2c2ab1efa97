// The questionnaire as data: one zod schema for a versioned definition, with the structural checks
// (unique ids, routing that looks back only, well-formed scales) that make a definition safe to publish.
import { z } from 'zod';

export const LOCALES = ['nl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Every text exists in Dutch (the source) and English. */
export const textSchema = z.object({
  nl: z.string().trim().min(1, 'Dutch text is empty'),
  en: z.string().trim().min(1, 'English text is empty'),
});
export type Text = z.infer<typeof textSchema>;

const idSchema = z.string().regex(/^[a-z][a-z0-9_]*$/, 'ids are lower-case letters, digits and _');
const codeSchema = z.string().regex(/^[a-z0-9_]+$/, 'codes are lower-case letters, digits and _');

/** An answer outside the scale ("n.v.t.", "weet ik niet"), coded apart so results can leave it out. */
export const optOutSchema = z.object({ code: codeSchema, text: textSchema });
export type OptOut = z.infer<typeof optOutSchema>;

export const scalePointSchema = z.object({ value: z.number().int().min(1).max(10), text: textSchema });

/** An option of a single or multi question; `optOut` marks an answer outside the substance ("weet ik niet"). */
export const optionSchema = z.object({ code: codeSchema, text: textSchema, optOut: z.literal(true).optional() });
export type Option = z.infer<typeof optionSchema>;

/** Background facts known from the DUO population, usable in routing. */
export const contextKeys = ['leerweg', 'niveau'] as const;
export type ContextKey = (typeof contextKeys)[number];

export type Condition =
  | { question: string; item?: string; in: (string | number)[] }
  | { question: string; item?: string; answered: boolean }
  | { context: ContextKey; in: (string | number)[] }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ question: idSchema, item: idSchema.optional(), in: z.array(z.union([z.string(), z.number()])).min(1) }),
    z.strictObject({ question: idSchema, item: idSchema.optional(), answered: z.boolean() }),
    z.strictObject({ context: z.enum(contextKeys), in: z.array(z.union([z.string(), z.number()])).min(1) }),
    z.strictObject({ all: z.array(conditionSchema).min(1) }),
    z.strictObject({ any: z.array(conditionSchema).min(1) }),
    z.strictObject({ not: conditionSchema }),
  ]),
);

const baseQuestion = {
  id: idSchema,
  text: textSchema,
  help: textSchema.optional(),
  showIf: conditionSchema.optional(),
};

export const gridQuestionSchema = z.strictObject({
  ...baseQuestion,
  type: z.literal('grid'),
  items: z.array(z.strictObject({ id: idSchema, text: textSchema })).min(1),
  scale: z.array(scalePointSchema).min(2),
  optOuts: z.array(optOutSchema).default([]),
});

export const singleQuestionSchema = z.strictObject({
  ...baseQuestion,
  type: z.literal('single'),
  options: z.array(optionSchema).min(2),
});

export const multiQuestionSchema = z.strictObject({
  ...baseQuestion,
  type: z.literal('multi'),
  options: z.array(optionSchema).min(2),
  maxChoices: z.number().int().min(1).optional(),
});

export const gradeQuestionSchema = z.strictObject({
  ...baseQuestion,
  type: z.literal('grade'),
  optOuts: z.array(optOutSchema).default([]),
});

export const numberQuestionSchema = z.strictObject({
  ...baseQuestion,
  type: z.literal('number'),
  min: z.number().int(),
  max: z.number().int(),
  unit: textSchema.optional(),
});

export const openQuestionSchema = z.strictObject({
  ...baseQuestion,
  type: z.literal('open'),
  maxLength: z.number().int().min(1).max(5000),
  multiline: z.boolean().default(true),
});

export const questionSchema = z.discriminatedUnion('type', [
  gridQuestionSchema,
  singleQuestionSchema,
  multiQuestionSchema,
  gradeQuestionSchema,
  numberQuestionSchema,
  openQuestionSchema,
]);
export type Question = z.infer<typeof questionSchema>;
export type QuestionType = Question['type'];
export type GridQuestion = z.infer<typeof gridQuestionSchema>;

export const pageSchema = z.strictObject({
  id: idSchema,
  title: textSchema,
  intro: textSchema.optional(),
  showIf: conditionSchema.optional(),
  questions: z.array(questionSchema).min(1, 'a page needs at least one question'),
});
export type Page = z.infer<typeof pageSchema>;

export const questionnaireSchema = z
  .strictObject({
    id: z.string().regex(/^\d{4}-\d+$|^[A-Z0-9]{4}-\d+$/, 'a version id looks like 2024-1'),
    title: textSchema,
    pages: z.array(pageSchema).min(1),
  })
  .superRefine((def, ctx) => {
    const seen = new Map<string, Question>();
    const pageIds = new Set<string>();
    def.pages.forEach((page, p) => {
      if (pageIds.has(page.id)) ctx.addIssue({ code: 'custom', path: ['pages', p, 'id'], message: `page id "${page.id}" is used twice` });
      pageIds.add(page.id);
      if (page.showIf) checkCondition(page.showIf, seen, ctx, ['pages', p, 'showIf'], `page "${page.id}"`);
      page.questions.forEach((q, i) => {
        const path = ['pages', p, 'questions', i];
        if (seen.has(q.id)) ctx.addIssue({ code: 'custom', path: [...path, 'id'], message: `question id "${q.id}" is used twice` });
        if (q.showIf) checkCondition(q.showIf, seen, ctx, [...path, 'showIf'], `question "${q.id}"`);
        checkQuestionShape(q, ctx, path);
        seen.set(q.id, q);
      });
    });
  });
export type Questionnaire = z.infer<typeof questionnaireSchema>;

function checkQuestionShape(q: Question, ctx: z.RefinementCtx, path: (string | number)[]): void {
  const dup = (values: (string | number)[], what: string) => {
    const d = values.find((v, i) => values.indexOf(v) !== i);
    if (d !== undefined) ctx.addIssue({ code: 'custom', path, message: `question "${q.id}": ${what} "${d}" is used twice` });
  };
  switch (q.type) {
    case 'grid': {
      dup(q.items.map((it) => it.id), 'item id');
      const values = q.scale.map((s) => s.value);
      dup(values, 'scale value');
      if (values.some((v, i) => v !== i + 1)) ctx.addIssue({ code: 'custom', path, message: `question "${q.id}": scale values must run 1..${values.length}` });
      checkOptOuts(q.id, q.optOuts, ctx, path);
      break;
    }
    case 'single':
    case 'multi': {
      dup(q.options.map((o) => o.code), 'option code');
      const firstOptOut = q.options.findIndex((o) => o.optOut);
      if (firstOptOut >= 0 && q.options.slice(firstOptOut).some((o) => !o.optOut)) {
        ctx.addIssue({ code: 'custom', path, message: `question "${q.id}": opt-out options come after the other options` });
      }
      if (firstOptOut === 0) ctx.addIssue({ code: 'custom', path, message: `question "${q.id}": every option is an opt-out` });
      checkOptOuts(q.id, q.options.filter((o) => o.optOut), ctx, path);
      if (q.type === 'multi' && q.maxChoices !== undefined && q.maxChoices > q.options.length) {
        ctx.addIssue({ code: 'custom', path, message: `question "${q.id}": maxChoices exceeds the number of options` });
      }
      break;
    }
    case 'grade':
      checkOptOuts(q.id, q.optOuts, ctx, path);
      break;
    case 'number':
      if (q.min > q.max) ctx.addIssue({ code: 'custom', path, message: `question "${q.id}": min is greater than max` });
      break;
    case 'open':
      break;
  }
}

/** Opt-out codes are words, never numbers, so data can always tell them from a scale value; and used once. */
function checkOptOuts(id: string, optOuts: { code: string }[], ctx: z.RefinementCtx, path: (string | number)[]): void {
  const codes = optOuts.map((o) => o.code);
  const d = codes.find((c, i) => codes.indexOf(c) !== i);
  if (d !== undefined) ctx.addIssue({ code: 'custom', path, message: `question "${id}": opt-out code "${d}" is used twice` });
  for (const c of codes) {
    if (!/[a-z]/.test(c)) ctx.addIssue({ code: 'custom', path, message: `question "${id}": opt-out code "${c}" must contain a letter, so it cannot be mistaken for a scale value` });
  }
}

/** Routing may only look back: a condition names earlier questions, and only codes they can produce. */
function checkCondition(cond: Condition, earlier: Map<string, Question>, ctx: z.RefinementCtx, path: (string | number)[], owner: string): void {
  if ('all' in cond) return cond.all.forEach((c) => checkCondition(c, earlier, ctx, path, owner));
  if ('any' in cond) return cond.any.forEach((c) => checkCondition(c, earlier, ctx, path, owner));
  if ('not' in cond) return checkCondition(cond.not, earlier, ctx, path, owner);
  if ('context' in cond) return;
  const target = earlier.get(cond.question);
  if (!target) {
    ctx.addIssue({ code: 'custom', path, message: `${owner}: showIf refers to "${cond.question}", which is not an earlier question` });
    return;
  }
  if (cond.item !== undefined && (target.type !== 'grid' || !target.items.some((it) => it.id === cond.item))) {
    ctx.addIssue({ code: 'custom', path, message: `${owner}: showIf refers to item "${cond.item}", which "${cond.question}" does not have` });
    return;
  }
  if ('in' in cond) {
    const allowed = answerCodes(target);
    if (allowed === null) return;
    for (const v of cond.in) {
      if (!allowed.has(v)) ctx.addIssue({ code: 'custom', path, message: `${owner}: showIf uses "${v}", which is not an answer of "${cond.question}"` });
    }
  }
}

/** The codes an answer to a question can hold, or null when any value in a range is possible. */
function answerCodes(q: Question): Set<string | number> | null {
  switch (q.type) {
    case 'grid':
      return new Set<string | number>([...q.scale.map((s) => s.value), ...q.optOuts.map((o) => o.code)]);
    case 'single':
    case 'multi':
      return new Set(q.options.map((o) => o.code));
    case 'grade':
      return new Set<string | number>([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, ...q.optOuts.map((o) => o.code)]);
    default:
      return null;
  }
}

/** Parses a definition and turns zod's issues into one readable message per problem. */
export function parseQuestionnaire(input: unknown): { ok: true; value: Questionnaire } | { ok: false; errors: string[] } {
  const result = questionnaireSchema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, errors: result.error.issues.map((i) => `${describePath(input, i.path)}: ${i.message}`) };
}

function describePath(input: unknown, path: PropertyKey[]): string {
  // Name the question (by id) rather than only its array index, so a message points at something a person can find.
  let node: unknown = input;
  let where = '';
  for (const key of path) {
    if (node && typeof node === 'object') node = (node as Record<PropertyKey, unknown>)[key];
    const id = node && typeof node === 'object' && 'id' in node ? String((node as { id: unknown }).id) : undefined;
    where += typeof key === 'number' ? `[${key}]` : `.${String(key)}`;
    if (id && typeof key === 'number') where += `(${id})`;
  }
  return where.replace(/^\./, '') || '(root)';
}
