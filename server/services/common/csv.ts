// The one CSV reader of the application, for population and label files alike: papaparse splits the records
// (RFC 4180 quoting: delimiters, doubled quotes and line breaks inside quotes), with one rule for the delimiter
// and line numbers kept for the reports. Also finds where a record ends in raw bytes, so a
// large file can be cut into chunks that worker threads read.
import Papa from 'papaparse';

export interface CsvError {
  line: number;
  message: string;
}

export type Delimiter = ';' | ',' | '\t';

/** `;` unless the first line holds more of another separator (a comma or a tab from a non-Dutch Excel). */
export function detectDelimiter(text: string): Delimiter {
  const end = text.search(/\r?\n|$/);
  const firstLine = text.slice(0, end);
  const count = (c: string) => firstLine.split(c).length - 1;
  return ([';', ',', '\t'] as const).reduce((a, b) => (count(b) > count(a) ? b : a));
}

const quoteProblem: Record<string, string> = {
  MissingQuotes: 'een aanhalingsteken wordt niet gesloten / a quote is not closed',
  InvalidQuotes: 'tekens na een sluitend aanhalingsteken / characters after a closing quote',
};

/**
 * Calls `onRecord` for every record of `text` (empty lines included, as one empty field) with the line it starts
 * on, the first being `firstLine`. Stops at the first broken structure (a quote never closed, characters after
 * a closing quote) and returns it; a line break at the very end ends the last record.
 */
export function readRecords(
  text: string,
  delimiter: Delimiter,
  firstLine: number,
  onRecord: (fields: string[], line: number) => void,
): { lines: number; error?: CsvError } {
  // Records end at a line feed; a CR before it is dropped below, so CRLF, LF and a mix of both all read the same.
  const { data, errors } = Papa.parse<string[]>(text, { delimiter, newline: '\n', quoteChar: '"', escapeChar: '"', skipEmptyLines: false });
  const stopAt = errors.length > 0 ? Math.min(...errors.map((e) => e.row ?? data.length)) : data.length;
  // Without a quote in the text no field can hold a line break, and counting them can be skipped.
  const quoted = text.includes('"');
  let line = firstLine;
  const last = text.endsWith('\n') ? data.length - 1 : data.length; // the empty "record" after the final break
  for (let i = 0; i < Math.min(stopAt, last); i++) {
    const fields = data[i]!;
    const end = fields.length - 1;
    if (fields[end]!.endsWith('\r')) fields[end] = fields[end]!.slice(0, -1);
    onRecord(fields, line);
    line++;
    if (quoted) for (const f of fields) for (let j = f.indexOf('\n'); j !== -1; j = f.indexOf('\n', j + 1)) line++;
  }
  if (stopAt < data.length) {
    const e = errors.find((x) => (x.row ?? data.length) === stopAt)!;
    return { lines: line - firstLine, error: { line, message: quoteProblem[e.code] ?? `${e.message} / not valid CSV` } };
  }
  return { lines: line - firstLine };
}

/**
 * The end of the last complete record in `bytes` (just after a line feed outside quotes), given whether the
 * bytes start inside a quoted field; -1 when there is none. Also returns the quote state at the end of the bytes.
 * A quote toggles the state; "" inside a quoted field toggles it twice, so counting quotes is enough.
 */
export function lastRecordEnd(bytes: Uint8Array, insideQuotes: boolean): { end: number; insideQuotes: boolean } {
  let inside = insideQuotes;
  let end = -1;
  let from = 0;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (;;) {
    const q = buf.indexOf(34, from);
    const nl = inside ? -1 : buf.lastIndexOf(10, q === -1 ? buf.length : q);
    if (nl >= from) end = nl + 1;
    if (q === -1) return { end, insideQuotes: inside };
    inside = !inside;
    from = q + 1;
  }
}
