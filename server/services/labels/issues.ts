// The findings of a label-file check: errors refuse the file, warnings do not. Each names its place (worksheet,
// row, column) and carries its text in Dutch and English. Many findings of one kind are counted, not all listed.
import type { LabelErrorCode, LabelIssue, LabelWarningCode } from '../../api/staff-labels.ts';
import type { Message } from '../common/errors.ts';

export const ERROR_CODES = [
  'file_too_large',
  'unsupported_format',
  'unreadable',
  'xlsx_too_large',
  'xlsx_cell_position',
  'encoding',
  'too_many_rows',
  'no_rows',
  'several_sheets',
  'header_missing',
  'column_order',
  'column_missing',
  'extra_column',
  'pgn_invalid',
  'pgn_duplicate',
  'no_label',
  'brin_missing',
  'brin_unknown',
  'brin_mismatch',
  'label_too_long',
  'label_control_chars',
  'no_match',
] as const satisfies readonly LabelErrorCode[];
export const WARNING_CODES = [
  'file_name',
  'bedrijfsgroep_with_labels',
  'instellingsnaam_differs',
  'formula',
  'not_in_population',
] as const satisfies readonly LabelWarningCode[];
export type ErrorCode = (typeof ERROR_CODES)[number];
export type WarningCode = (typeof WARNING_CODES)[number];
export type IssueCode = ErrorCode | WarningCode;
// Every code of the contract is in the lists above (the lists hold nothing else: `satisfies`).
const _everyCode: [Exclude<LabelErrorCode, ErrorCode>, Exclude<LabelWarningCode, WarningCode>] extends [never, never] ? true : never = true;
void _everyCode;

export type Issue = LabelIssue;

export interface IssueInput {
  sheet?: string;
  row?: number;
  column?: string;
  message: Message;
}

/** Listed findings per code; the rest are only counted (a 40,000-row file can hold 40,000 of one mistake). */
export const LISTED_PER_CODE = 100;

const errorCodes: ReadonlySet<string> = new Set(ERROR_CODES);

export class IssueList {
  readonly items: Issue[] = [];
  readonly counts = new Map<IssueCode, number>();

  add(code: IssueCode, input: IssueInput): void {
    const n = (this.counts.get(code) ?? 0) + 1;
    this.counts.set(code, n);
    if (n <= LISTED_PER_CODE) this.items.push({ code, severity: errorCodes.has(code) ? 'error' : 'warning', ...input });
  }

  get errorCount(): number {
    let n = 0;
    for (const [code, c] of this.counts) if (errorCodes.has(code)) n += c;
    return n;
  }

  countsOf(severity: Issue['severity']): Partial<Record<IssueCode, number>> {
    const out: Partial<Record<IssueCode, number>> = {};
    for (const [code, c] of this.counts) if (errorCodes.has(code) === (severity === 'error')) out[code] = c;
    return out;
  }
}

/** Spreadsheet column letter of a 0-based index: 0 -> A, 25 -> Z, 26 -> AA. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
