// The required response for a group of N students and the margin of error reached with K completed: Cochran's
// sample size with the finite population correction, the formula behind Krejcie & Morgan's (1970) table. Pure.
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { badRequest } from '../common/errors.ts';

export interface SamplingOptions {
  /** The margin of error wanted, as a fraction: 0.05 is +/- 5 percentage points. */
  margin?: number;
  /** The confidence level, two-sided: 0.95 for 95%. */
  confidence?: number;
  /** The expected proportion; 0.5 is the most cautious (largest sample). */
  proportion?: number;
}

export const DEFAULT_SAMPLING: Required<SamplingOptions> = { margin: 0.05, confidence: 0.95, proportion: 0.5 };

/** Why a group has no margin of error, or why it needs no margin. */
export type MarginNote = 'no_population' | 'no_completed' | 'census' | 'more_completed_than_population';

export interface ResponseAssessment {
  population: number;
  completed: number;
  /** Completed questionnaires needed for the chosen margin and confidence. */
  required: number;
  reached: boolean;
  /** The margin of error reached with `completed`, as a fraction (0.129 = +/- 12.9 points); null when it has none. */
  margin: number | null;
  /** Set when the margin needs a word of explanation: nobody to ask, nobody answered, everyone answered, or the counts disagree. */
  note: MarginNote | null;
}

/** The z-value of a two-sided confidence level: 1.96 for 95%. */
export function zFor(confidence: number): number {
  return normalQuantile(1 - (1 - confidence) / 2, 0, 1);
}

/**
 * Completed questionnaires needed in a group of `population`: n = ceil(N * n0 / (N - 1 + n0)) with
 * n0 = z^2 * p(1 - p) / e^2. A group of 0 needs 0; a group of 1 needs 1.
 */
export function requiredResponse(population: number, options: SamplingOptions = {}): number {
  checkCount('population', population);
  const { margin, confidence, proportion } = checkOptions(options);
  if (population === 0) return 0;
  const n0 = (zFor(confidence) ** 2 * proportion * (1 - proportion)) / margin ** 2;
  const n = (population * n0) / (population - 1 + n0);
  // Rounding noise must not push an exact whole number up to the next one.
  return Math.min(population, Math.ceil(n - 1e-9));
}

/**
 * The margin of error reached with `completed` of `population`: e = z * sqrt(p(1-p) / K) * sqrt((N - K) / (N - 1)).
 * 0 when everyone completed (a census); null when nobody completed, the group is empty, or K > N.
 */
export function marginReached(population: number, completed: number, options: SamplingOptions = {}): number | null {
  return marginWithNote(population, completed, options).margin;
}

/** Required response, whether it is reached, and the margin reached: the figures the response overview shows per group. */
export function assessResponse(population: number, completed: number, options: SamplingOptions = {}): ResponseAssessment {
  const required = requiredResponse(population, options);
  const { margin, note } = marginWithNote(population, completed, options);
  return { population, completed, required, reached: completed >= required, margin, note };
}

function marginWithNote(population: number, completed: number, options: SamplingOptions): { margin: number | null; note: MarginNote | null } {
  checkCount('population', population);
  checkCount('completed', completed);
  const { confidence, proportion } = checkOptions(options);
  // K > N happens when a population re-import drops students who had already completed: say so, invent no margin.
  if (completed > population) return { margin: null, note: 'more_completed_than_population' };
  if (population === 0) return { margin: null, note: 'no_population' };
  if (completed === 0) return { margin: null, note: 'no_completed' };
  if (completed === population) return { margin: 0, note: 'census' };
  const fpc = Math.sqrt((population - completed) / (population - 1));
  return { margin: zFor(confidence) * Math.sqrt((proportion * (1 - proportion)) / completed) * fpc, note: null };
}

function checkCount(name: 'population' | 'completed', value: number): void {
  if (Number.isInteger(value) && value >= 0) return;
  const nl = name === 'population' ? 'De populatie' : 'Het aantal ingevulde vragenlijsten';
  const en = name === 'population' ? 'The population' : 'The number completed';
  throw badRequest([{ path: name, message: `${en} must be a whole number of 0 or more, not ${value}` }], {
    nl: `${nl} moet een geheel getal van 0 of meer zijn, niet ${value}.`,
    en: `${en} must be a whole number of 0 or more, not ${value}.`,
  });
}

function checkOptions(options: SamplingOptions): Required<SamplingOptions> {
  const o = { ...DEFAULT_SAMPLING, ...options };
  const names = { margin: ['De foutmarge', 'The margin'], confidence: ['De betrouwbaarheid', 'The confidence'], proportion: ['De verwachte verhouding', 'The proportion'] } as const;
  for (const key of ['margin', 'confidence', 'proportion'] as const) {
    const v = o[key];
    if (Number.isFinite(v) && v > 0 && v < 1) continue;
    const [nl, en] = names[key];
    throw badRequest([{ path: key, message: `${en} must lie between 0 and 1 (e.g. 0.05), not ${v}` }], {
      nl: `${nl} moet tussen 0 en 1 liggen (bijvoorbeeld 0,05), niet ${v}.`,
      en: `${en} must lie between 0 and 1 (e.g. 0.05), not ${v}.`,
    });
  }
  return o;
}
