// The staff reporting API's request schemas and response types: the response overview, the required-response
// calculator, the cleaning report, results under the privacy rule, and the data-file downloads. The CLI prints
// the same objects (--json), so a dashboard and a researcher's terminal read one shape.
import { z } from 'zod';
import type { QuestionType, Text } from '../../questionnaire/schema.ts';

export const brinSchema = z.string().regex(/^\d{2}[A-Z]{2}$/, 'a BRIN is 2 digits and 2 capital letters, e.g. 25PZ');
export const reportBrinParamsSchema = z.strictObject({ brin: brinSchema });

/** JSON (the default) or a CSV download for Dutch Excel, with its headers in Dutch (default) or English. */
export const reportOutputQuerySchema = z.strictObject({ format: z.enum(['json', 'csv']).optional(), lang: z.enum(['nl', 'en']).optional() });

/** What the staff reporting router asks its `authorize` callback about: one institution, or the whole country. */
export type ReportScope = string | 'national';
/** Which part of reporting a request is for, passed to `authorize` beside the scope (roles may differ per part). */
export type ReportArea = 'response' | 'results' | 'cleaning' | 'export';

// ---- the response overview ------------------------------------------------------------------------------

/** Why a group has no margin of error (see server/services/reporting/required-response.ts). */
export type MarginNote = 'no_population' | 'no_completed' | 'census' | 'more_completed_than_population';

/** Response figures of one group. No suppression: response counts are not results (the rules say so). */
export interface ResponseFigures {
  /** Students of the current peildatum's DUO population in the group. */
  population: number;
  /** Responses begun, completed ones included. */
  started: number;
  completed: number;
  /** completed / population x 100; null when the population is 0. */
  responsePercent: number | null;
  /** Completed questionnaires needed for +/- 5 points at 95% (Cochran with the finite population correction). */
  required: number;
  reached: boolean;
  /** The margin of error reached, as a fraction (0.129 = +/- 12.9 points); null when there is none (see note). */
  margin: number | null;
  marginNote: MarginNote | null;
}

/**
 * label: a response-label value; no_label: students in the label file without a label at this level (only when
 * their siblings have one); zonder_label: students not in the current label file; bedrijfsgroep: a bedrijfsgroep
 * (only when the institution counts them in the overview).
 */
export type OverviewNodeKind = 'label' | 'no_label' | 'zonder_label' | 'bedrijfsgroep';

export interface OverviewNode extends ResponseFigures {
  kind: OverviewNodeKind;
  /** The label or bedrijfsgroep as the label file has it; null for no_label and zonder_label. */
  label: string | null;
  /** 1 to 3: the response-label level (bedrijfsgroep and zonder label are level 1). */
  level: number;
  children: OverviewNode[];
}

export interface DayPoint {
  /** YYYY-MM-DD in the Netherlands. */
  day: string;
  completed: number;
  cumulative: number;
  /** cumulative / population x 100; null when the population is 0. */
  cumulativePercent: number | null;
}

export interface LoginOutcomeDay {
  day: string;
  success: number;
  not_found: number;
  ambiguous: number;
  locked: number;
  completed: number;
}

export interface InstitutionOverviewRow extends ResponseFigures {
  brin: string;
  name: string;
}

export interface InstitutionResponseOverview {
  brin: string;
  name: string;
  /** The peildatum of the population counted; null before any population import. */
  peildatum: string | null;
  labelFile: { fileName: string; fileDate: string | null } | null;
  /** Whether bedrijfsgroep students are a group of their own here (true) or left out of every figure (false). */
  bedrijfsgroepInRespons: boolean;
  totals: ResponseFigures;
  tree: OverviewNode[];
  /** Rows of the current label file whose PGN matches no student of the institution: they cannot log in. */
  labelRowsWithoutStudent: number;
  perDay: DayPoint[];
  /** Per response label 1 (null: responses without one). */
  perDayByLabel1: { label: string | null; population: number; perDay: DayPoint[] }[];
  loginOutcomes: LoginOutcomeDay[];
}

export interface NationalResponseOverview {
  peildatum: string | null;
  institutions: InstitutionOverviewRow[];
  total: ResponseFigures;
  perDay: DayPoint[];
  loginOutcomes: LoginOutcomeDay[];
}

// ---- the required-response calculator -------------------------------------------------------------------

const fraction = z.coerce.number().gt(0).lt(1);
export const calculatorQuerySchema = z.strictObject({
  population: z.coerce.number().int().min(0).max(100_000_000),
  completed: z.coerce.number().int().min(0).max(100_000_000).optional(),
  margin: fraction.optional(),
  confidence: fraction.optional(),
});
export type CalculatorQuery = z.infer<typeof calculatorQuerySchema>;

export interface CalculatorResult {
  population: number;
  /** The margin and confidence asked for (defaults 0.05 and 0.95). */
  margin: number;
  confidence: number;
  required: number;
  /** With a number completed: whether it reaches the required number, and the margin it gives. */
  completed: number | null;
  reached: boolean | null;
  marginReached: number | null;
  marginNote: MarginNote | null;
}

// ---- cleaning -----------------------------------------------------------------------------------------------

export const REASON_CODES = ['too_few_answered', 'too_fast', 'straightlining'] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export interface CleaningRunInfo {
  id: number;
  rulesVersion: number;
  startedAt: string;
  finishedAt: string | null;
}

export interface CleaningCounts {
  judged: number;
  clean: number;
  excluded: number;
  /** Responses failing each rule; a response failing two rules counts under both. */
  byReason: Record<ReasonCode, number>;
}

export interface CleaningReport {
  /** The latest finished run; null before the first. */
  run: CleaningRunInfo | null;
  /** Completed responses the run did not judge (completed after it): in no result until the next run. */
  notJudged: number;
  national: CleaningCounts;
  institutions: ({ brin: string; name: string } & CleaningCounts)[];
}

// ---- results ---------------------------------------------------------------------------------------------

export const BREAKDOWNS = ['analyselabel1', 'analyselabel2', 'analyselabel3', 'crebo', 'leerweg', 'niveau', 'leerjaar', 'week'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];
export const institutionResultsQuerySchema = reportOutputQuerySchema.extend({ by: z.enum(BREAKDOWNS).optional() });
export const nationalResultsQuerySchema = reportOutputQuerySchema.extend({ by: z.enum(['week']).optional() });

/** The figures of one cell (a group's answers to one question or grid item); percentages are of n. */
export interface CellFigures {
  /** Respondents with an answer on the substance. */
  n: number;
  /** Respondents per opt-out code, apart from n. */
  optOuts: Record<string, number>;
  distribution: { value: string | number; count: number; percent: number | null }[];
  /** % negative / neutral / positive on a scale with a middle point. */
  bands: { negative: number; neutral: number; positive: number } | null;
  mean: number | null;
  median: number | null;
}

/** A cell under the privacy rule shows nothing at all, not even n; outputs print "Niet getoond i.v.m. AVG" / "Not shown (privacy)". */
export type ResultCell = { suppressed: true } | ({ suppressed: false } & CellFigures);

export interface ResultGroup {
  id: string;
  /** The label, crebo, leerweg, niveau, leerjaar answer code or ISO week (YYYY-Www); null for the group without one. */
  label: string | null;
  /** Analysis labels: the path from label 1 down (null: no label at that level, "zonder label" at level 1). */
  path?: (string | null)[];
  /** Leerjaar: the answer's text. */
  text?: Text;
}

export interface ResultRow {
  /** The question (and '@version' where its versions differ) and the grid item: unique within the results. */
  key: string;
  questionId: string;
  itemId: string | null;
  /** The questionnaire (or module) versions whose answers this row combines: only versions where the question is the same. */
  versions: string[];
  /** True for the institution's own questions. */
  module: boolean;
  type: QuestionType;
  text: Text;
  itemText: Text | null;
  /** Scale points, grades or options in order, and the opt-outs, with their texts. */
  categories: { value: string | number; text: Text }[];
  optOuts: { code: string; text: Text }[];
  institution: ResultCell | null;
  national: ResultCell | null;
  /** In the order of the results' `groups`. */
  groups: ResultCell[];
}

export interface InstitutionResults {
  brin: string;
  name: string;
  by: Breakdown | null;
  /** The cleaning run whose clean responses count; results need one. */
  run: CleaningRunInfo;
  notJudged: number;
  groups: ResultGroup[];
  rows: ResultRow[];
}

export interface NationalResults {
  by: 'week' | null;
  run: CleaningRunInfo;
  notJudged: number;
  groups: ResultGroup[];
  /** `institution` is null on every national row. */
  rows: ResultRow[];
}

// ---- data files ------------------------------------------------------------------------------------------

export const EXPORT_FILES = ['data.csv', 'codebook.csv', 'syntax.sps'] as const;
export type ExportFile = (typeof EXPORT_FILES)[number];
export const institutionExportParamsSchema = z.strictObject({ brin: brinSchema, file: z.enum(EXPORT_FILES) });
export const nationalExportParamsSchema = z.strictObject({ file: z.enum(EXPORT_FILES) });
/** Labels in the codebook's SPSS syntax in Dutch (default) or English; the codebook always has both. */
export const exportQuerySchema = z.strictObject({ lang: z.enum(['nl', 'en']).optional() });
