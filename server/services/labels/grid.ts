// A spreadsheet as the checks see it: worksheets of numbered rows of cell texts, whatever the file format.
// Only the first worksheet with data keeps its rows; the others are only counted (they are an error anyway).

export interface Cell {
  text: string;
  /** The cell held a formula; `text` is its cached result. */
  formula: boolean;
}

export interface GridRow {
  /** 1-based row number as the spreadsheet shows it. */
  row: number;
  /** Index 0 is column A; null is an empty cell. */
  cells: (Cell | null)[];
}

export interface SheetData {
  name: string;
  rows: GridRow[];
  /** Non-empty rows, including the header and rows past the limit that were not kept. */
  filledRows: number;
}

export interface Grid {
  format: string;
  /** Worksheets with at least one filled cell, in file order. */
  sheets: SheetData[];
}

/** Keeps the rows of the first sheet with data, at most `maxRows` of them; counts the rest. */
export class GridBuilder {
  readonly sheets: SheetData[] = [];
  private current: SheetData | null = null;

  constructor(private readonly maxRows: number) {}

  startSheet(name: string): void {
    this.current = { name, rows: [], filledRows: 0 };
  }

  addRow(row: number, cells: (Cell | null)[]): void {
    const sheet = this.current;
    if (!sheet) throw new Error('addRow before startSheet');
    let last = cells.length - 1;
    while (last >= 0 && cells[last] === null) last--; // trailing empty columns do not count
    if (last < 0) return; // empty rows (trailing or not) are skipped
    if (sheet.filledRows === 0) this.sheets.push(sheet);
    sheet.filledRows++;
    const keep = this.sheets[0] === sheet && sheet.rows.length < this.maxRows;
    if (keep) sheet.rows.push({ row, cells: cells.slice(0, last + 1) });
  }
}

const SPACES = /^[ \u00a0]+|[ \u00a0]+$/g;

/** A cell from a text value: surrounding spaces dropped, empty when nothing is left. */
export function textCell(text: string, formula = false): Cell | null {
  const t = text.replace(SPACES, '');
  return t === '' && !formula ? null : { text: t, formula };
}
