// Routing conditions in words, for the printable questionnaire: "Only if question 2 is answered with: ...".
import type { Condition, Locale, Question } from '../../../questionnaire/schema.ts';

const words = {
  nl: { onlyIf: 'Alleen als', and: 'en', or: 'of', not: 'niet', answeredWith: 'is beantwoord met', answered: 'is beantwoord', notAnswered: 'niet is beantwoord', question: 'vraag', item: 'onderdeel', grade: 'een cijfer (1-10)', leerweg: 'de student zit in de', niveau: 'de student zit op niveau' },
  en: { onlyIf: 'Only if', and: 'and', or: 'or', not: 'not', answeredWith: 'is answered with', answered: 'is answered', notAnswered: 'is not answered', question: 'question', item: 'item', grade: 'a grade (1-10)', leerweg: 'the student is in', niveau: 'the student is at level' },
} as const;

export interface QuestionRef {
  number: number;
  question: Question;
}

function valueLabel(q: Question, v: string | number, lang: Locale): string {
  switch (q.type) {
    case 'single':
    case 'multi':
      return q.options.find((o) => o.code === v)?.text[lang] ?? String(v);
    case 'grid':
      return (typeof v === 'number' ? q.scale.find((s) => s.value === v)?.text[lang] : q.optOuts.find((o) => o.code === v)?.text[lang]) ?? String(v);
    case 'grade':
      return q.optOuts.find((o) => o.code === v)?.text[lang] ?? String(v);
    default:
      return String(v);
  }
}

function describe(c: Condition, refs: Map<string, QuestionRef>, lang: Locale): string {
  const w = words[lang];
  if ('all' in c) return c.all.map((x) => describe(x, refs, lang)).join(` ${w.and} `);
  if ('any' in c) return `(${c.any.map((x) => describe(x, refs, lang)).join(` ${w.or} `)})`;
  if ('not' in c) return `${w.not} (${describe(c.not, refs, lang)})`;
  if ('context' in c) return `${c.context === 'leerweg' ? w.leerweg : w.niveau} ${c.in.join(` ${w.or} `)}`;
  const ref = refs.get(c.question);
  const who = `${w.question} ${ref?.number ?? c.question}${c.item ? ` (${w.item} ${c.item})` : ''}`;
  if ('answered' in c) return `${who} ${c.answered ? w.answered : w.notAnswered}`;
  const q = ref?.question;
  if (q?.type === 'grade' && [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].every((g) => c.in.includes(g))) {
    const rest = c.in.filter((v) => typeof v !== 'number');
    return `${who} ${w.answeredWith} ${[w.grade, ...rest.map((v) => valueLabel(q, v, lang))].join(` ${w.or} `)}`;
  }
  return `${who} ${w.answeredWith} ${c.in.map((v) => `“${q ? valueLabel(q, v, lang) : v}”`).join(` ${w.or} `)}`;
}

/** "Alleen als ..." / "Only if ..." for a page or question condition. */
export function conditionInWords(c: Condition, refs: Map<string, QuestionRef>, lang: Locale): string {
  return `${words[lang].onlyIf} ${describe(c, refs, lang)}.`;
}
