// What the reporting commands share: the reporting service on the command's database, the output options, and
// errors in the language asked for.
import { Option, type Command } from 'commander';
import { loadQuestionnaires } from '../../questionnaire/index.ts';
import { loadCleaningRules } from '../../questionnaire/cleaning/index.ts';
import { createDefinitions } from '../services/survey/definitions.ts';
import { createReportingService, type ReportingService } from '../services/reporting/reporting-service.ts';
import { AppError } from '../services/common/errors.ts';
import { openContext, type CliContext } from './context.ts';

export type Lang = 'nl' | 'en';

export const langOption = () => new Option('--lang <lang>', 'language of the output').choices(['nl', 'en']).default('nl');

/** Runs `work` with the reporting service on the command's database, then closes it. Typed errors come out in `lang`. */
export async function withReporting<T>(cmd: Command, lang: Lang, work: (reporting: ReportingService, ctx: CliContext) => T | Promise<T>): Promise<T> {
  const ctx = openContext(cmd);
  try {
    const questionnaires = loadQuestionnaires();
    const definitions = createDefinitions(ctx.repos, questionnaires);
    const reporting = createReportingService({ repos: ctx.repos, definitions, questionnaires, cleaningRules: loadCleaningRules(), now: () => new Date() });
    return await work(reporting, ctx);
  } catch (err) {
    if (err instanceof AppError) throw new Error(err.text[lang]);
    throw err;
  } finally {
    ctx.db.close();
  }
}

/** A BRIN as typed, checked: 2 digits and 2 letters. */
export function brinOption(value: string | undefined, lang: Lang): string | undefined {
  if (value === undefined) return undefined;
  const brin = value.trim().toUpperCase();
  if (!/^\d{2}[A-Z]{2}$/.test(brin)) {
    throw new Error(lang === 'nl' ? `--brin "${value}" is geen BRIN (2 cijfers en 2 letters, bijvoorbeeld 25PZ)` : `--brin "${value}" is not a BRIN (2 digits and 2 letters, e.g. 25PZ)`);
  }
  return brin;
}

/** Exactly one output format. */
export function outputFormat(opts: { json?: boolean; csv?: boolean }, lang: Lang): 'text' | 'json' | 'csv' {
  if (opts.json && opts.csv) throw new Error(lang === 'nl' ? 'Kies --json of --csv, niet allebei' : 'Choose --json or --csv, not both');
  return opts.json ? 'json' : opts.csv ? 'csv' : 'text';
}
