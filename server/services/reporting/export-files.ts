// The files beside a data CSV: the codebook (every column, its question texts in Dutch and English, its codes and
// labels) and an SPSS syntax file that reads the CSV and sets variable and value labels and missing values. Pure.
import type { Text } from '../../../questionnaire/index.ts';
import type { AnswerColumn, ColumnCode } from './export-columns.ts';
import { toExcelCsv, type CsvRow } from './excel-csv.ts';

/** A column that is not an answer: background, labels, version, week, the cleaning verdict. */
export interface MetaColumn {
  name: string;
  label: Text;
  /** Text (SPSS A) or a number (F) with value labels. */
  kind: 'text' | 'number';
  codes?: ColumnCode[];
}

export type ExportColumn = ({ source: 'meta' } & MetaColumn) | ({ source: 'answer' } & AnswerColumn);

const yesNo: ColumnCode[] = [
  { code: 1, label: { nl: 'ja', en: 'yes' } },
  { code: 0, label: { nl: 'nee', en: 'no' } },
];
const meta = (name: string, nl: string, en: string, kind: 'text' | 'number' = 'text', codes?: ColumnCode[]): ExportColumn => ({
  source: 'meta',
  name,
  label: { nl, en },
  kind,
  ...(codes ? { codes } : {}),
});

/** The background columns of a file; the national file names the institution and has the cleaning verdict. */
export function metaColumns(national: boolean): ExportColumn[] {
  return [
    meta('versie', 'Versie van de vragenlijst', 'Questionnaire version'),
    ...(national ? [meta('brin', 'Instelling (BRIN)', 'Institution (BRIN)')] : [meta('module', 'Versie van de eigen vragen van de instelling', "Version of the institution's own questions")]),
    meta('crebo', 'Opleiding (crebo, DUO)', 'Programme (crebo, DUO)'),
    meta('leerweg', 'Leerweg (DUO)', 'Learning pathway (DUO)'),
    meta('niveau', 'Niveau (DUO)', 'Level (DUO)'),
    meta('geslacht', 'Geslacht (DUO)', 'Gender (DUO)'),
    meta('analyselabel1', 'Analyselabel 1', 'Analysis label 1'),
    meta('analyselabel2', 'Analyselabel 2', 'Analysis label 2'),
    meta('analyselabel3', 'Analyselabel 3', 'Analysis label 3'),
    meta('veldwerkweek', 'Veldwerkweek (ISO-week van invullen)', 'Fieldwork week (ISO week of completion)'),
    ...(national
      ? [
          meta('schoon', 'Voldoet aan de opschoningsregels', 'Meets the cleaning rules', 'number', yesNo),
          meta('te_weinig_beantwoord', 'Opschoning: te weinig vragen beantwoord', 'Cleaning: too few questions answered', 'number', yesNo),
          meta('te_snel', 'Opschoning: te snel ingevuld', 'Cleaning: completed too fast', 'number', yesNo),
          meta('rechte_lijnen', 'Opschoning: rechte lijnen in de matrixvragen', 'Cleaning: straight lines through the grids', 'number', yesNo),
          meta('in_resultaten', 'Telt mee in de resultaten (schoon, geen bedrijfsgroep)', 'Counts in results (clean, no bedrijfsgroep)', 'number', yesNo),
        ]
      : []),
  ];
}

const HEAD = {
  nl: ['variabele', 'vraag', 'item of optie', 'soort', 'versies', 'vraagtekst (nl)', 'vraagtekst (en)', 'item (nl)', 'item (en)', 'code', 'label (nl)', 'label (en)', 'ontbrekend'],
  en: ['variable', 'question', 'item or option', 'type', 'versions', 'question text (nl)', 'question text (en)', 'item (nl)', 'item (en)', 'code', 'label (nl)', 'label (en)', 'missing'],
};

/** The codebook as CSV: one line per column and code (a text column: one line). */
export function codebookCsv(columns: readonly ExportColumn[], lang: 'nl' | 'en' = 'nl'): string {
  const yes = lang === 'nl' ? 'ja' : 'yes';
  const rows: CsvRow[] = [HEAD[lang]];
  for (const c of columns) {
    if (c.source === 'meta') {
      const codes = c.codes ?? [];
      if (!codes.length) rows.push([c.name, null, null, c.kind, null, c.label.nl, c.label.en, null, null, null, null, null, null]);
      for (const code of codes) rows.push([c.name, null, null, c.kind, null, c.label.nl, c.label.en, null, null, code.code, code.label.nl, code.label.en, null]);
      continue;
    }
    const item = c.itemId ?? c.optionCode;
    for (const code of c.codes) {
      rows.push([c.name, c.questionId, item, c.type, c.versions.join(', '), c.text.nl, c.text.en, c.itemText?.nl ?? null, c.itemText?.en ?? null, code.code, code.label.nl, code.label.en, c.missing.includes(code.code) ? yes : null]);
    }
  }
  return toExcelCsv(rows);
}

/** Text inside SPSS quotes: a quote doubled, no line breaks, at most `max` bytes of UTF-8 (SPSS cuts longer labels). */
function quoted(text: string, max: number): string {
  let t = text.replace(/\s+/g, ' ').trim();
  while (Buffer.byteLength(t, 'utf8') > max) t = t.slice(0, -1);
  return `'${t.replace(/'/g, "''")}'`;
}

/** The label SPSS shows for a column: the question, with the item or option after it. */
function variableLabel(c: ExportColumn, lang: 'nl' | 'en'): string {
  if (c.source === 'meta') return c.label[lang];
  return c.itemText ? `${c.text[lang]} - ${c.itemText[lang]}` : c.text[lang];
}

/** SPSS syntax that reads `dataFile` (as written by the one CSV writer) and labels every column. */
export function spssSyntax(columns: readonly ExportColumn[], dataFile: string, title: string, lang: 'nl' | 'en' = 'nl'): string {
  const lines: string[] = [
    `* ${title}.`,
    lang === 'nl' ? '* Leest het CSV-bestand (UTF-8, ; tussen velden, decimale komma) en zet variabele- en waardelabels.' : '* Reads the CSV file (UTF-8, ; between fields, decimal comma) and sets variable and value labels.',
    'SET UNICODE=ON DECIMAL=COMMA.',
    'GET DATA',
    '  /TYPE=TXT',
    `  /FILE=${quoted(dataFile, 1000)}`,
    "  /ENCODING='UTF8'",
    '  /DELCASE=LINE',
    '  /DELIMITERS=";"',
    `  /QUALIFIER='"'`,
    '  /ARRANGEMENT=DELIMITED',
    '  /FIRSTCASE=2',
    '  /VARIABLES=',
    ...columns.map((c) => `    ${c.name} ${format(c)}`),
    '.',
    'VARIABLE LABELS',
    ...columns.map((c, i) => `  ${c.name} ${quoted(variableLabel(c, lang), 250)}${i === columns.length - 1 ? '.' : ''}`),
  ];
  const labelled = columns.filter((c) => (c.source === 'answer' ? c.codes : (c.codes ?? [])).length > 0);
  if (labelled.length) {
    lines.push('VALUE LABELS');
    labelled.forEach((c, i) => {
      const codes = c.source === 'answer' ? c.codes : c.codes!;
      lines.push(`  ${i ? '/' : ''}${c.name} ${codes.map((code) => `${code.code} ${quoted(code.label[lang], 120)}`).join(' ')}`);
    });
    lines.push('.');
  }
  for (const c of columns) {
    if (c.source === 'answer' && c.missing.length) lines.push(`MISSING VALUES ${c.name} (LOWEST THRU ${Math.max(...c.missing)}).`);
  }
  lines.push('EXECUTE.');
  return lines.join('\r\n') + '\r\n';
}

/** A text column holds at most 255 bytes here (labels, and "Niet getoond i.v.m. AVG" where a group is small). */
function format(c: ExportColumn): string {
  if (c.source === 'meta') return c.kind === 'text' ? 'A255' : 'F1.0';
  return 'F8.0';
}
