// The required-response calculator as the CLI and the staff API give it: the required number for a group, and with
// a number completed, whether it is reached and the margin of error it gives.
import type { CalculatorQuery, CalculatorResult } from '../../api/staff-reports.ts';
import { assessResponse, DEFAULT_SAMPLING, requiredResponse } from './required-response.ts';

export function calculate(q: CalculatorQuery): CalculatorResult {
  const options = { margin: q.margin ?? DEFAULT_SAMPLING.margin, confidence: q.confidence ?? DEFAULT_SAMPLING.confidence };
  if (q.completed === undefined) {
    return { population: q.population, ...options, required: requiredResponse(q.population, options), completed: null, reached: null, marginReached: null, marginNote: null };
  }
  const a = assessResponse(q.population, q.completed, options);
  return { population: q.population, ...options, required: a.required, completed: q.completed, reached: a.reached, marginReached: a.margin, marginNote: a.note };
}

export function calculatorText(r: CalculatorResult, lang: 'nl' | 'en' = 'nl'): string {
  const n = new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 1 });
  const pct = (x: number) => n.format(Math.round(x * 1000) / 10);
  const lines =
    lang === 'nl'
      ? [`Groep van ${n.format(r.population)}: ${n.format(r.required)} ingevulde vragenlijsten nodig voor een foutmarge van ± ${pct(r.margin)} procentpunt bij ${pct(r.confidence)}% betrouwbaarheid.`]
      : [`A group of ${n.format(r.population)} needs ${n.format(r.required)} completed questionnaires for a margin of ± ${pct(r.margin)} points at ${pct(r.confidence)}% confidence.`];
  if (r.completed !== null) {
    const notes = {
      nl: { no_population: 'geen foutmarge: de groep is leeg', no_completed: 'nog geen foutmarge: niemand heeft ingevuld', census: 'foutmarge 0: iedereen heeft ingevuld', more_completed_than_population: 'geen foutmarge: meer ingevuld dan de groep groot is' },
      en: { no_population: 'no margin: the group is empty', no_completed: 'no margin yet: nobody has completed', census: 'margin 0: everyone completed', more_completed_than_population: 'no margin: more completed than the group holds' },
    }[lang];
    const margin = r.marginNote ? notes[r.marginNote] : lang === 'nl' ? `foutmarge ± ${pct(r.marginReached!)} procentpunt` : `margin ± ${pct(r.marginReached!)} points`;
    lines.push(
      lang === 'nl'
        ? `Met ${n.format(r.completed)} ingevuld: ${r.reached ? 'bereikt' : 'niet bereikt'}; ${margin}.`
        : `With ${n.format(r.completed)} completed: ${r.reached ? 'reached' : 'not reached'}; ${margin}.`,
    );
  }
  return lines.join('\n') + '\n';
}
