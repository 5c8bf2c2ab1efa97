// The checks on a label file's content: header and column order, then every row (PGN, duplicates, labels,
// bedrijfsgroep, instellingsnaam, formulas). Pure: it reads the grid and reports; nothing is keyed or stored here.
import { isValidPgn } from '../population/pgn.ts';
import { COLUMN_KEYS, COLUMN_NAMES, classifyHeader } from './columns.ts';
import type { Cell, GridRow, SheetData } from './grid.ts';
import { columnLetter, type IssueList } from './issues.ts';

export const MAX_LABEL_LENGTH = 100;

export interface CheckedRow {
  row: number;
  pgn: string;
  bedrijfsgroep: string | null;
  respons: [string | null, string | null, string | null];
  analyse: [string | null, string | null, string | null];
}

export interface RowCheckResult {
  rows: CheckedRow[];
  /** Rows after the header, whether or not they passed. */
  dataRows: number;
  bedrijfsgroepRows: number;
}

// A bedrijfsgroep column filled with "nee" for ordinary students is common in exports; such a value does not
// mark a bedrijfsgroep (otherwise whole schools would silently drop out of results).
const NOT_BEDRIJFSGROEP = new Set(['nee', 'n', 'no', 'nvt', 'n.v.t.', '0', 'onwaar', 'false', '-']);
// Control characters: C0 (including tab and line breaks from Alt+Enter), DEL and C1.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/; // eslint-disable-line no-control-regex

const textOf = (c: Cell | null | undefined): string => c?.text ?? '';

/** A PGN as typed: Excel drops leading zeros of numbers (and CSV keeps them dropped), so short numbers are padded. */
export function normalisePgn(text: string): string {
  const t = text.replace(/[\s.-]/g, '');
  return /^\d{1,8}$/.test(t) ? t.padStart(9, '0') : t;
}

function checkHeader(header: GridRow, issues: IssueList, sheet: string): boolean {
  const first = normalisePgn(textOf(header.cells[0]));
  if (/^\d{9}$/.test(first)) {
    issues.add('header_missing', {
      sheet,
      row: header.row,
      column: 'A',
      message: {
        nl: `Rij ${header.row} bevat gegevens in plaats van kolomkoppen. Zet een kopregel boven de gegevens (PGN/BSN, instellingsnaam, bedrijfsgroep, responslabel 1-3, analyselabel 1-3).`,
        en: `Row ${header.row} holds data instead of column headers. Put a header row above the data (PGN/BSN, institution name, bedrijfsgroep, response label 1-3, analysis label 1-3).`,
      },
    });
    return false;
  }
  COLUMN_KEYS.forEach((expected, i) => {
    const column = columnLetter(i);
    const text = textOf(header.cells[i]);
    const want = COLUMN_NAMES[expected];
    if (text === '') {
      issues.add('column_missing', {
        sheet,
        row: header.row,
        column,
        message: { nl: `Kolom ${column} heeft geen kop; hier hoort "${want.nl}".`, en: `Column ${column} has no header; it should be "${want.en}".` },
      });
      return;
    }
    const found = classifyHeader(text);
    if (found && found !== expected) {
      issues.add('column_order', {
        sheet,
        row: header.row,
        column,
        message: {
          nl: `Kolom ${column} heet "${text}" (${COLUMN_NAMES[found].nl}), maar hier hoort "${want.nl}". Zet de kolommen in de volgorde van de handleiding.`,
          en: `Column ${column} is headed "${text}" (${COLUMN_NAMES[found].en}), but it should be "${want.en}". Put the columns in the manual's order.`,
        },
      });
    }
  });
  return true;
}

function checkLabel(text: string, sheet: string, row: number, column: string, issues: IssueList): void {
  if ([...text].length > MAX_LABEL_LENGTH) {
    issues.add('label_too_long', {
      sheet,
      row,
      column,
      message: {
        nl: `Label is ${[...text].length} tekens lang; maximaal ${MAX_LABEL_LENGTH}.`,
        en: `Label is ${[...text].length} characters long; at most ${MAX_LABEL_LENGTH}.`,
      },
    });
  }
  if (CONTROL.test(text)) {
    issues.add('label_control_chars', {
      sheet,
      row,
      column,
      message: {
        nl: 'Label bevat een stuurteken (bijvoorbeeld een regelovergang of tab in de cel).',
        en: 'Label contains a control character (for example a line break or tab inside the cell).',
      },
    });
  }
}

export function checkRows(sheet: SheetData, issues: IssueList): RowCheckResult {
  const name = sheet.name;
  const [header, ...rest] = sheet.rows;
  if (!header) return { rows: [], dataRows: 0, bedrijfsgroepRows: 0 };
  const dataRows = checkHeader(header, issues, name) ? rest : sheet.rows;

  const extraColumns = new Map<number, { firstRow: number; cells: number }>();
  const seen = new Map<string, number>();
  const names = new Map<string, { count: number; firstRow: number }>();
  const rows: CheckedRow[] = [];
  let bedrijfsgroepRows = 0;

  for (const { row, cells } of [header, ...rest]) {
    cells.forEach((c, i) => {
      if (c && c.formula) {
        issues.add('formula', {
          sheet: name,
          row,
          column: columnLetter(i),
          message: { nl: 'Cel bevat een formule; de laatst berekende waarde is gebruikt.', en: 'Cell holds a formula; its last calculated value is used.' },
        });
      }
      if (i >= COLUMN_KEYS.length && c && c.text !== '') {
        const e = extraColumns.get(i);
        if (e) e.cells++;
        else extraColumns.set(i, { firstRow: row, cells: 1 });
      }
    });
  }
  for (const [i, e] of extraColumns) {
    const column = columnLetter(i);
    issues.add('extra_column', {
      sheet: name,
      row: e.firstRow,
      column,
      message: {
        nl: `Kolom ${column} is gevuld (${e.cells} cellen, eerste in rij ${e.firstRow}); alleen kolom A t/m I mogen gevuld zijn.`,
        en: `Column ${column} is filled (${e.cells} cells, first in row ${e.firstRow}); only columns A to I may be filled.`,
      },
    });
  }

  for (const { row, cells } of dataRows) {
    const at = (column: string) => ({ sheet: name, row, column });
    const pgn = normalisePgn(textOf(cells[0]));
    let pgnOk = false;
    if (pgn === '') {
      issues.add('pgn_invalid', { ...at('A'), message: { nl: 'PGN/BSN ontbreekt.', en: 'PGN/BSN is missing.' } });
    } else if (!isValidPgn(pgn)) {
      issues.add('pgn_invalid', {
        ...at('A'),
        message: {
          nl: 'Geen geldig BSN of onderwijsnummer (9 cijfers, elfproef). Een studentnummer is geen PGN.',
          en: 'Not a valid BSN or education number (9 digits, check digit). A student number is not a PGN.',
        },
      });
    } else if (seen.has(pgn)) {
      const first = seen.get(pgn)!;
      issues.add('pgn_duplicate', {
        ...at('A'),
        message: { nl: `Dit PGN staat al in rij ${first}; elk PGN mag maar één keer voorkomen.`, en: `This PGN is already in row ${first}; each PGN may appear only once.` },
      });
    } else {
      seen.set(pgn, row);
      pgnOk = true;
    }

    const instelling = textOf(cells[1]);
    if (instelling !== '') {
      const n = names.get(instelling);
      if (n) n.count++;
      else names.set(instelling, { count: 1, firstRow: row });
    }

    const labels = COLUMN_KEYS.slice(2).map((_, j) => {
      const text = textOf(cells[j + 2]);
      if (text !== '') checkLabel(text, name, row, columnLetter(j + 2), issues);
      return text === '' ? null : text;
    });
    const rawBedrijfsgroep = labels[0] ?? null;
    const others = labels.slice(1);
    const bedrijfsgroep = rawBedrijfsgroep !== null && !NOT_BEDRIJFSGROEP.has(rawBedrijfsgroep.toLowerCase()) ? rawBedrijfsgroep : null;
    const firstOther = others.findIndex((l) => l !== null);
    if (bedrijfsgroep === null && firstOther < 0) {
      issues.add('no_label', {
        ...at('C'),
        message: {
          nl: 'Rij heeft geen enkel label (kolom C t/m I leeg); vul minstens één label of de bedrijfsgroep in.',
          en: 'Row has no label at all (columns C to I empty); fill in at least one label or the bedrijfsgroep.',
        },
      });
    }
    if (bedrijfsgroep !== null && firstOther >= 0) {
      issues.add('bedrijfsgroep_with_labels', {
        ...at(columnLetter(firstOther + 3)),
        message: {
          nl: 'Bedrijfsgroep is ingevuld én er staan andere labels; voor een bedrijfsgroep blijven de andere labels leeg, ze worden genegeerd.',
          en: 'Bedrijfsgroep is filled in and so are other labels; for a bedrijfsgroep the other labels stay empty, they are ignored.',
        },
      });
    }
    if (bedrijfsgroep !== null) bedrijfsgroepRows++;
    if (pgnOk) {
      // A bedrijfsgroep row keeps its other labels empty: it never shows up under a label in results.
      const o = bedrijfsgroep === null ? others : [];
      const l = (i: number) => o[i] ?? null;
      rows.push({ row, pgn, bedrijfsgroep, respons: [l(0), l(1), l(2)], analyse: [l(3), l(4), l(5)] });
    }
  }

  const byCount = [...names.entries()].sort((a, b) => b[1].count - a[1].count || a[1].firstRow - b[1].firstRow);
  const main = byCount[0]?.[0];
  for (const [value, n] of byCount.slice(1)) {
    issues.add('instellingsnaam_differs', {
      sheet: name,
      row: n.firstRow,
      column: 'B',
      message: {
        nl: `Instellingsnaam "${value}" (${n.count} ${n.count === 1 ? 'rij' : 'rijen'}, eerste in rij ${n.firstRow}) wijkt af van "${main}".`,
        en: `Institution name "${value}" (${n.count} ${n.count === 1 ? 'row' : 'rows'}, first in row ${n.firstRow}) differs from "${main}".`,
      },
    });
  }
  return { rows, dataRows: dataRows.length, bedrijfsgroepRows };
}
