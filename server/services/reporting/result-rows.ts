// What a result row says about its question: key, texts, versions and the categories its figures are over. Pure.
import type { ResultRow } from '../../api/staff-reports.ts';
import { optOutCodes } from '../../../questionnaire/index.ts';
import type { QuestionVariant } from './variants.ts';

export type RowMeta = Omit<ResultRow, 'institution' | 'national' | 'groups'>;

/** One entry per row of the question: one per grid item, else one. */
export function rowMeta(v: QuestionVariant, module: boolean): RowMeta[] {
  const q = v.question;
  const base = { questionId: q.id, versions: v.versions, module, type: q.type, text: q.text };
  const optOuts = 'optOuts' in q ? q.optOuts.map((o) => ({ code: o.code, text: o.text })) : [];
  switch (q.type) {
    case 'grid': {
      const categories = q.scale.map((s) => ({ value: s.value, text: s.text }));
      return q.items.map((it) => ({ ...base, key: `${v.key}.${it.id}`, itemId: it.id, itemText: it.text, categories, optOuts }));
    }
    case 'single':
    case 'multi': {
      const out = optOutCodes(q);
      return [{
        ...base,
        key: v.key,
        itemId: null,
        itemText: null,
        categories: q.options.filter((o) => !out.has(o.code)).map((o) => ({ value: o.code, text: o.text })),
        optOuts: q.options.filter((o) => out.has(o.code)).map((o) => ({ code: o.code, text: o.text })),
      }];
    }
    case 'grade':
      return [{ ...base, key: v.key, itemId: null, itemText: null, categories: Array.from({ length: 10 }, (_, i) => ({ value: i + 1, text: { nl: String(i + 1), en: String(i + 1) } })), optOuts }];
    case 'number':
    case 'open':
      return [{ ...base, key: v.key, itemId: null, itemText: null, categories: [], optOuts: [] }];
  }
}
