// job-monitor calc-response: the required response for a group of N students, and with --completed the margin of
// error reached (Cochran's formula with the finite population correction).
import { Command } from 'commander';
import { calculate, calculatorText } from '../../services/reporting/calculator.ts';
import { AppError } from '../../services/common/errors.ts';
import { langOption, type Lang } from '../reporting.ts';

const whole = (name: string) => (value: string) => {
  if (!/^\d+$/.test(value.trim())) throw new Error(`--${name} must be a whole number of 0 or more, not "${value}" / --${name} moet een geheel getal van 0 of meer zijn`);
  return Number(value);
};
const fraction = (name: string) => (value: string) => {
  const x = Number(value.replace(',', '.'));
  if (!Number.isFinite(x) || x <= 0 || x >= 1) throw new Error(`--${name} must lie between 0 and 1, e.g. 0.05, not "${value}" / --${name} moet tussen 0 en 1 liggen, bijvoorbeeld 0,05`);
  return x;
};

export function calcResponseCommand(): Command {
  return new Command('calc-response')
    .description('the completed questionnaires a group of N needs (95% confidence, ± 5 points by default), and the margin reached with K completed')
    .requiredOption('--population <N>', 'students in the group', whole('population'))
    .option('--completed <K>', 'questionnaires completed', whole('completed'))
    .option('--margin <e>', 'margin of error wanted, as a fraction', fraction('margin'), 0.05)
    .option('--confidence <c>', 'confidence level, as a fraction', fraction('confidence'), 0.95)
    .option('--json', 'machine-readable output')
    .addOption(langOption())
    .action((opts: { population: number; completed?: number; margin: number; confidence: number; json?: boolean; lang: Lang }) => {
      try {
        const r = calculate({ population: opts.population, margin: opts.margin, confidence: opts.confidence, ...(opts.completed === undefined ? {} : { completed: opts.completed }) });
        process.stdout.write(opts.json ? JSON.stringify(r, null, 2) + '\n' : calculatorText(r, opts.lang));
      } catch (err) {
        if (err instanceof AppError) throw new Error(err.text[opts.lang]);
        throw err;
      }
    });
}
