// The columns of a data file and how each answer is coded. One column per question, per grid item and per option
// of a multiple-choice question; codes are numbers: scale points, grades and numbers as themselves, options 1..n in
// the order they first appeared over the versions, opt-outs from -11 down, and two codes for an answer that is not
// there: -1 not shown (routing), -2 shown but not answered. Open answers are not exported (free text can name a
// person): their column says only whether one was given. Pure.
import { classifyAnswers, optOutCodes, type Answers, type Questionnaire, type RoutingContext, type Text } from '../../../questionnaire/index.ts';

export const NOT_SHOWN = -1;
export const SKIPPED = -2;
const FIRST_OPT_OUT = -11;

export interface ColumnCode {
  code: number;
  label: Text;
}

export interface AnswerColumn {
  name: string;
  questionId: string;
  itemId: string | null;
  /** For multi: the option this 0/1 column is about. */
  optionCode: string | null;
  type: Questionnaire['pages'][number]['questions'][number]['type'];
  versions: string[];
  text: Text;
  itemText: Text | null;
  codes: ColumnCode[];
  /** The codes that mean "no answer on the substance" (SPSS missing values). */
  missing: number[];
  notShown: number;
  skipped: number;
  /** Option and opt-out codes as stored in answers -> their number in this column. */
  keys: Record<string, number>;
}

const MISSING_TEXTS = {
  notShown: { nl: 'Niet getoond (routing)', en: 'Not shown (routing)' },
  skipped: { nl: 'Niet beantwoord', en: 'Not answered' },
};

/** Column names SPSS accepts: a letter first, then letters, digits and _; at most 64 bytes. */
const spssName = (name: string) => {
  if (!/^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(name)) throw new Error(`"${name}" cannot be a variable name in SPSS`);
  return name;
};

/** The answer columns of one or more sets of versions (the core, then an institution's module), in questionnaire order. */
export function answerColumns(versions: readonly Questionnaire[]): AnswerColumn[] {
  // Latest wording first; ids are stable across versions.
  const order: string[] = [];
  const latest = new Map<string, Questionnaire['pages'][number]['questions'][number]>();
  const seenIn = new Map<string, string[]>();
  const options = new Map<string, { code: string; text: Text; optOut: boolean }[]>();
  for (const def of [...versions].reverse()) {
    for (const q of def.pages.flatMap((p) => p.questions)) {
      if (!latest.has(q.id)) {
        latest.set(q.id, q);
        order.push(q.id);
      }
    }
  }
  for (const def of versions) {
    for (const q of def.pages.flatMap((p) => p.questions)) {
      seenIn.set(q.id, [...(seenIn.get(q.id) ?? []), def.id]);
      const list = options.get(q.id) ?? [];
      const optOuts = optOutCodes(q);
      const add = (code: string, text: Text) => {
        const known = list.find((o) => o.code === code);
        if (known) known.text = text;
        else list.push({ code, text, optOut: optOuts.has(code) });
      };
      if (q.type === 'single' || q.type === 'multi') q.options.forEach((o) => add(o.code, o.text));
      if (q.type === 'grid' || q.type === 'grade') q.optOuts.forEach((o) => add(o.code, o.text));
      options.set(q.id, list);
    }
  }
  const out: AnswerColumn[] = [];
  for (const id of order) {
    const q = latest.get(id)!;
    const base = { questionId: id, type: q.type, versions: seenIn.get(id)!, text: q.text };
    const opts = options.get(id)!;
    // Labels as the latest version has them (versions go oldest first, so a later text replaces an earlier one).
    const optOutCodesList = opts.filter((o) => o.optOut).map((o, i) => ({ code: FIRST_OPT_OUT - i, label: o.text, key: o.code }));
    // A number question may allow negative answers: its missing codes then lie below its range.
    const low = q.type === 'number' ? Math.min(0, q.min) : 0;
    const notShown = Math.min(NOT_SHOWN, low - 1);
    const skipped = Math.min(SKIPPED, low - 2);
    const missingCodes: ColumnCode[] = [
      { code: notShown, label: MISSING_TEXTS.notShown },
      { code: skipped, label: MISSING_TEXTS.skipped },
    ];
    const column = (name: string, rest: Pick<AnswerColumn, 'itemId' | 'optionCode' | 'itemText'>, codes: (ColumnCode & { key?: string })[]): AnswerColumn => ({
      ...base,
      name: spssName(name),
      ...rest,
      codes: codes.map(({ code, label }) => ({ code, label })),
      missing: [...optOutCodesList.filter(() => q.type !== 'multi').map((c) => c.code), notShown, skipped],
      notShown,
      skipped,
      keys: Object.fromEntries(codes.filter((c) => c.key !== undefined).map((c) => [c.key!, c.code])),
    });
    switch (q.type) {
      case 'grid':
        for (const item of q.items) {
          const codes = [...q.scale.map((p) => ({ code: p.value, label: p.text })), ...optOutCodesList, ...missingCodes];
          out.push(column(`${id}_${item.id}`, { itemId: item.id, optionCode: null, itemText: item.text }, codes));
        }
        break;
      case 'single': {
        const substance = opts.filter((o) => !o.optOut).map((o, i) => ({ code: i + 1, label: o.text, key: o.code }));
        out.push(column(id, { itemId: null, optionCode: null, itemText: null }, [...substance, ...optOutCodesList, ...missingCodes]));
        break;
      }
      case 'multi':
        for (const o of opts) {
          const codes = [{ code: 1, label: { nl: 'Gekozen', en: 'Chosen' } }, { code: 0, label: { nl: 'Niet gekozen', en: 'Not chosen' } }, ...missingCodes];
          out.push(column(`${id}_${o.code}`, { itemId: null, optionCode: o.code, itemText: o.text }, codes));
        }
        break;
      case 'grade': {
        const grades = Array.from({ length: 10 }, (_, i) => ({ code: i + 1, label: { nl: String(i + 1), en: String(i + 1) } }));
        out.push(column(id, { itemId: null, optionCode: null, itemText: null }, [...grades, ...optOutCodesList, ...missingCodes]));
        break;
      }
      case 'number':
        out.push(column(id, { itemId: null, optionCode: null, itemText: null }, missingCodes));
        break;
      case 'open': {
        const answered = { code: 1, label: { nl: 'Beantwoord (de tekst staat niet in dit bestand)', en: 'Answered (the text is not in this file)' } };
        out.push(column(id, { itemId: null, optionCode: null, itemText: null }, [answered, ...missingCodes]));
        break;
      }
    }
  }
  return out;
}

/** Where each question's cells go among the columns: question id -> item id ('' for none) -> column indexes. */
const layouts = new WeakMap<readonly AnswerColumn[], { byCell: Map<string, Map<string, number[]>>; template: number[] }>();
function layoutOf(columns: readonly AnswerColumn[]) {
  let layout = layouts.get(columns);
  if (!layout) {
    const byCell = new Map<string, Map<string, number[]>>();
    columns.forEach((col, i) => {
      let items = byCell.get(col.questionId);
      if (!items) byCell.set(col.questionId, (items = new Map()));
      const key = col.itemId ?? '';
      items.set(key, [...(items.get(key) ?? []), i]);
    });
    layouts.set(columns, (layout = { byCell, template: columns.map((c) => c.notShown) }));
  }
  return layout;
}

/** Codes one response for the columns; columns of questions its version lacks read "not shown". */
export function codeAnswers(columns: readonly AnswerColumn[], def: Questionnaire, answers: Answers, context: RoutingContext): number[] {
  const { byCell, template } = layoutOf(columns);
  const out = template.slice();
  for (const cell of classifyAnswers(def, answers, context)) {
    const at = byCell.get(cell.questionId)?.get(cell.itemId ?? '');
    if (!at) continue;
    for (const i of at) {
      const col = columns[i]!;
      if (cell.status === 'not_shown') continue;
      if (cell.status === 'skipped') {
        out[i] = col.skipped;
        continue;
      }
      const v = cell.value;
      if (col.type === 'multi') out[i] = Array.isArray(v) && v.includes(col.optionCode!) ? 1 : 0;
      else if (col.type === 'open') out[i] = 1;
      else if (typeof v === 'number') out[i] = v;
      else out[i] = col.keys[String(v)] ?? col.skipped;
    }
  }
  return out;
}
