// The printable questionnaire as plain server-rendered HTML: every page, question, answer option and routing
// condition, in one language. No scripts and no inline styles (the CSP forbids both); all text is escaped.
import type { Locale, Question, Questionnaire } from '../../../questionnaire/schema.ts';
import { conditionInWords, type QuestionRef } from './conditions.ts';

const ui = {
  nl: { version: 'Versie', language: 'Nederlands', other: 'English', optOut: 'apart gecodeerd, telt niet mee in de schaal', grade: 'Rapportcijfer van 1 tot en met 10', number: 'Een getal van', to: 'tot en met', open: 'Open antwoord, hoogstens', chars: 'tekens', multi: 'Meer antwoorden mogelijk', max: 'hoogstens', module: 'Vragen van de instelling', item: 'Onderdeel', versions: 'Versies van de vragenlijst' },
  en: { version: 'Version', language: 'English', other: 'Nederlands', optOut: 'coded apart, not part of the scale', grade: 'Report grade from 1 to 10', number: 'A number from', to: 'to', open: 'Open answer, at most', chars: 'characters', multi: 'More than one answer possible', max: 'at most', module: "The institution's own questions", item: 'Item', versions: 'Questionnaire versions' },
} as const;

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
const e = escapeHtml;

function shell(lang: Locale, title: string, body: string): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<link rel="stylesheet" href="/vragenlijst.css">
</head>
<body>
${body}
</body>
</html>
`;
}

function answerForm(q: Question, lang: Locale): string {
  const u = ui[lang];
  const optOut = (text: string) => `<li class="opt-out">${e(text)} <span class="q-id">(${e(u.optOut)})</span></li>`;
  switch (q.type) {
    case 'single':
    case 'multi': {
      const note = q.type === 'multi' ? `<p class="answer-form">${e(u.multi)}${q.maxChoices ? ` (${u.max} ${q.maxChoices})` : ''}</p>` : '';
      const lis = q.options.map((o) => (o.optOut ? optOut(o.text[lang]) : `<li>${e(o.text[lang])}</li>`)).join('');
      return `${note}<ul class="options${q.type === 'multi' ? ' multi' : ''}">${lis}</ul>`;
    }
    case 'grade':
      return `<p class="answer-form">${e(u.grade)}</p>${q.optOuts.length ? `<ul class="options">${q.optOuts.map((o) => optOut(o.text[lang])).join('')}</ul>` : ''}`;
    case 'number':
      return `<p class="answer-form">${e(u.number)} ${q.min} ${e(u.to)} ${q.max}${q.unit ? ` ${e(q.unit[lang])}` : ''}</p>`;
    case 'open':
      return `<p class="answer-form">${e(u.open)} ${q.maxLength} ${e(u.chars)}</p>`;
    case 'grid': {
      const heads = [...q.scale.map((s) => `<th scope="col">${e(s.text[lang])}</th>`), ...q.optOuts.map((o) => `<th scope="col" class="opt-out">${e(o.text[lang])}</th>`)];
      const cells = '<td>○</td>'.repeat(heads.length);
      const rows = q.items.map((it) => `<tr><th scope="row">${e(it.text[lang])}</th>${cells}</tr>`).join('');
      return `<table class="grid"><thead><tr><th scope="col">${e(u.item)}</th>${heads.join('')}</tr></thead><tbody>${rows}</tbody></table>`;
    }
  }
}

/** The whole questionnaire in one language; `moduleFrom` is the index of the first institution-module page. */
export function renderQuestionnaire(def: Questionnaire, lang: Locale, opts: { moduleFrom?: number; otherLangHref: string }): string {
  const u = ui[lang];
  const refs = new Map<string, QuestionRef>();
  let n = 0;
  for (const page of def.pages) for (const question of page.questions) refs.set(question.id, { number: ++n, question });
  const pages = def.pages
    .map((page, i) => {
      const questions = page.questions
        .map((q) => {
          const ref = refs.get(q.id)!;
          return `<li class="question" value="${ref.number}" id="q-${e(q.id)}">
<p class="q-text">${e(q.text[lang])} <span class="q-id">[${e(q.id)}]</span></p>
${q.help ? `<p class="help">${e(q.help[lang])}</p>` : ''}${q.showIf ? `<p class="routing">${e(conditionInWords(q.showIf, refs, lang))}</p>` : ''}
${answerForm(q, lang)}
</li>`;
        })
        .join('\n');
      const module = opts.moduleFrom !== undefined && i === opts.moduleFrom ? ` class="module"` : '';
      return `<section${module} aria-labelledby="p-${e(page.id)}">
<h2 id="p-${e(page.id)}">${i + 1}. ${e(page.title[lang])}</h2>
${opts.moduleFrom !== undefined && i >= opts.moduleFrom ? `<p class="meta">${e(u.module)}</p>` : ''}${page.intro ? `<p class="intro">${e(page.intro[lang])}</p>` : ''}${page.showIf ? `<p class="routing">${e(conditionInWords(page.showIf, refs, lang))}</p>` : ''}
<ol class="questions">
${questions}
</ol>
</section>`;
    })
    .join('\n');
  const title = `${def.title[lang]} · ${u.version} ${def.id}`;
  const header = `<header><h1>${e(def.title[lang])}</h1>
<p class="meta">${e(u.version)} ${e(def.id)} · ${e(u.language)} · <a href="${e(opts.otherLangHref)}" lang="${lang === 'nl' ? 'en' : 'nl'}">${e(u.other)}</a></p></header>`;
  return shell(lang, title, `${header}\n<main>\n${pages}\n</main>`);
}

/** The list of versions at /vragenlijst. */
export function renderVersionList(versions: string[], lang: Locale): string {
  const items = versions.map((v) => `<li><a href="/vragenlijst/${e(v)}${lang === 'en' ? '?lang=en' : ''}">${e(v)}</a></li>`).join('');
  return shell(lang, ui[lang].versions, `<header><h1>${e(ui[lang].versions)}</h1></header>\n<main><ul>${items}</ul></main>`);
}
