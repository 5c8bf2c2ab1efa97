// The staff API for label files: upload and check a file (nothing stored), confirm it (it becomes the
// institution's label file), cancel an upload, the history of accepted and refused files, and each institution's
// label file status. The check report is the labels service's, the same the CLI prints with --json.
import { z } from 'zod';
import { brinSchema } from './staff.ts';

/** Findings that refuse a file. */
export type LabelErrorCode =
  | 'file_too_large'
  | 'unsupported_format'
  | 'unreadable'
  | 'xlsx_too_large'
  | 'xlsx_cell_position'
  | 'encoding'
  | 'too_many_rows'
  | 'no_rows'
  | 'several_sheets'
  | 'header_missing'
  | 'column_order'
  | 'column_missing'
  | 'extra_column'
  | 'pgn_invalid'
  | 'pgn_duplicate'
  | 'no_label'
  | 'brin_missing'
  | 'brin_unknown'
  | 'brin_mismatch'
  | 'label_too_long'
  | 'label_control_chars'
  | 'no_match';
/** Findings that do not refuse a file. */
export type LabelWarningCode = 'file_name' | 'bedrijfsgroep_with_labels' | 'instellingsnaam_differs' | 'formula' | 'not_in_population';
export type LabelIssueCode = LabelErrorCode | LabelWarningCode;

/** One finding, with its place in the file (worksheet, row, column) where it has one. Never holds a PGN. */
export interface LabelIssue {
  code: LabelIssueCode;
  severity: 'error' | 'warning';
  sheet?: string;
  row?: number;
  column?: string;
  message: { nl: string; en: string };
}

/** The check report of a label file (the CLI's `import-labels --json`, without its timings). */
export interface LabelCheckReport {
  fileName: string;
  format: string | null;
  brin: string | null;
  institution: string | null;
  /** No errors: the file is (or, after a check, would be) accepted. */
  accepted: boolean;
  /** True for a check: nothing was stored. */
  dryRun: boolean;
  /** Listed findings (at most 100 per code); `counts` has them all. */
  errors: LabelIssue[];
  warnings: LabelIssue[];
  counts: {
    errors: Partial<Record<LabelIssueCode, number>>;
    warnings: Partial<Record<LabelIssueCode, number>>;
    rows: number;
    bedrijfsgroepRows: number;
    peildatum: string | null;
    population: number;
    matched: number;
    notInPopulation: number;
    zonderLabel: number;
    /** Responses whose labels changed (after a check: would change); null when the file is refused. */
    responsesChanged: number | null;
    responsesTagged: number | null;
  };
  /** The stored file; null when refused or after a check. */
  labelFile: { id: number; fileDate: string; current: boolean } | null;
  /** After a check of an accepted file: the date it would count from and whether it would become current. */
  preview?: { fileDate: string; current: boolean };
}

/**
 * The file name of an upload, in the FILE_NAME_HEADER (endpoints.ts), percent-encoded: a header carries ASCII only.
 * It names the BRIN and date of the file, as the manual prescribes; only its last part counts.
 */
export const uploadFileNameSchema = z
  .string()
  .min(1)
  .max(600)
  .transform((v, ctx) => {
    try {
      const name = decodeURIComponent(v).split(/[\\/]/).pop()!.trim();
      if (name.length > 0 && name.length <= 200 && ![...name].some((c) => c.charCodeAt(0) < 0x20 || c === '\u007f')) return name;
    } catch {
      // not percent-encoded as it should be: reported below
    }
    ctx.addIssue({ code: 'custom', message: 'a file name of 1 to 200 characters, percent-encoded' });
    return z.NEVER;
  });

export const uploadParamsSchema = z.strictObject({
  brin: brinSchema,
  id: z.string().regex(/^[0-9a-f]{32}$/, 'an upload id'),
});

/** The answer to an upload: the check report, and the upload to confirm when the file would be accepted. */
export interface LabelUploadCheck {
  /** Null when the file is refused: then nothing is kept (its bytes are removed). */
  upload: { id: string; expiresAt: string } | null;
  report: LabelCheckReport;
}

/** The answer to a confirm: the report of the import (refused when a check at this moment finds errors). */
export interface LabelUploadResult {
  report: LabelCheckReport;
}

export interface LabelFileEntry {
  id: number;
  fileName: string;
  /** YYYYMMDD from the file name, or the arrival date. */
  fileDate: string | null;
  receivedAt: string;
  rowCount: number;
  status: 'current' | 'superseded';
  matched: number | null;
  notInPopulation: number | null;
  zonderLabel: number | null;
  responsesChanged: number | null;
}

export interface LabelRefusalEntry {
  fileName: string;
  refusedAt: string;
  /** Errors found, all codes together, and per code. */
  errors: number;
  errorCounts: Partial<Record<LabelIssueCode, number>>;
}

/** An institution's accepted label files (current first) and its refused uploads (newest first). */
export interface LabelHistory {
  brin: string;
  name: string;
  files: LabelFileEntry[];
  refusals: LabelRefusalEntry[];
}

/**
 * none: no label file and no refused upload; accepted: the latest upload (or the current file, if nothing came
 * after it) was accepted; refused: the latest upload was refused (an earlier accepted file may still be current).
 */
export type LabelFileState = 'none' | 'accepted' | 'refused';

export interface LabelFileStatus {
  brin: string;
  name: string;
  state: LabelFileState;
  current: { fileName: string; fileDate: string | null; receivedAt: string } | null;
  lastRefusal: { fileName: string; refusedAt: string } | null;
}
