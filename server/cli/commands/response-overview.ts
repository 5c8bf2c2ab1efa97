// job-monitor response-overview: the response per institution and per response label against the current
// population, completions per day and login outcomes per day; nationally without --brin.
import { Command } from 'commander';
import { brinOption, langOption, outputFormat, withReporting, type Lang } from '../reporting.ts';
import { institutionOverviewCsv, institutionOverviewText, nationalOverviewCsv, nationalOverviewText } from '../../services/reporting/overview-output.ts';

export function responseOverviewCommand(): Command {
  return new Command('response-overview')
    .description('response per institution (or, with --brin, per response label 1 > 2 > 3) against the population and the required response; per day; login outcomes')
    .option('--brin <brin>', 'one institution, with its label tree')
    .option('--json', 'machine-readable output')
    .option('--csv', 'CSV for Dutch Excel (; UTF-8 with BOM, decimal comma)')
    .addOption(langOption())
    .action(async function (this: Command, opts: { brin?: string; json?: boolean; csv?: boolean; lang: Lang }) {
      const format = outputFormat(opts, opts.lang);
      const brin = brinOption(opts.brin, opts.lang);
      const out = await withReporting(this, opts.lang, (r) => {
        if (brin) {
          const o = r.institutionOverview(brin);
          return format === 'json' ? JSON.stringify(o, null, 2) + '\n' : format === 'csv' ? institutionOverviewCsv(o, opts.lang) : institutionOverviewText(o, opts.lang);
        }
        const o = r.nationalOverview();
        return format === 'json' ? JSON.stringify(o, null, 2) + '\n' : format === 'csv' ? nationalOverviewCsv(o, opts.lang) : nationalOverviewText(o, opts.lang);
      });
      process.stdout.write(out);
    });
}
