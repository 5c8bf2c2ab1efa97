// What a cleaning run says about one completed response: clean, or each failed rule with the figures that failed
// it, stamped with the version of the rules. Stored as JSON beside the response; nothing is ever deleted.

export const REASON_CODES = ['too_few_answered', 'too_fast', 'straightlining'] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export interface TooFewAnswered {
  code: 'too_few_answered';
  /** Core questions shown (a grid item counts as a question), and of those answered, opt-outs included. */
  shown: number;
  answered: number;
  share: number;
  minimumShare: number;
}

export interface TooFast {
  code: 'too_fast';
  /** Which of the two checks failed: one or both. */
  failed: ('seconds_per_answered' | 'speed_index')[];
  activeSeconds: number;
  /** Every question answered, module questions and opt-outs included: the time covers all pages. */
  answered: number;
  /** null when nothing was answered. */
  secondsPerAnswered: number | null;
  minimumSecondsPerAnswered: number;
  /** The relative speed index; null while the version has too few completed responses or no page to compare. */
  speedIndex: number | null;
  /** The pages the index averages over. */
  speedIndexPages: number;
  maximumSpeedIndex: number;
}

export interface StraightGrid {
  questionId: string;
  /** The one scale point given to every item answered on the scale. */
  point: number;
  items: number;
}

export interface Straightlining {
  code: 'straightlining';
  failed: ('same_point_grids' | 'one_point_share')[];
  /** Grids with enough items answered on the scale, all with one point. */
  sameGrids: StraightGrid[];
  minimumSameGrids: number;
  /** All grid answers on the scale (opt-outs left out), and the point used most with its share. */
  gridAnswers: number;
  topPoint: number | null;
  topPointShare: number | null;
  maximumShare: number;
}

export type Failure = TooFewAnswered | TooFast | Straightlining;

export interface Verdict {
  rulesVersion: number;
  clean: boolean;
  /** Empty when clean; otherwise one entry per failed rule, in the order of REASON_CODES. */
  failures: Failure[];
}
