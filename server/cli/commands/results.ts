// job-monitor results: an institution's results (or the national ones) per question and group, beside the national
// figure, under the privacy rule, from the clean responses of the latest cleaning run.
import { Command, Option } from 'commander';
import { BREAKDOWNS, type Breakdown } from '../../api/staff-reports.ts';
import { resultsCsv, resultsText } from '../../services/reporting/results-output.ts';
import { brinOption, langOption, outputFormat, withReporting, type Lang } from '../reporting.ts';

export function resultsCommand(): Command {
  return new Command('results')
    .description("results per question and group under the privacy rule (groups under 5 are not shown), the institution beside the national figure")
    .option('--brin <brin>', 'the institution')
    .option('--national', 'the national results (--by week: per fieldwork week)')
    .addOption(new Option('--by <breakdown>', 'groups to show beside the total').choices([...BREAKDOWNS]))
    .option('--json', 'machine-readable output')
    .option('--csv', 'CSV for Dutch Excel (; UTF-8 with BOM, decimal comma)')
    .addOption(langOption())
    .action(async function (this: Command, opts: { brin?: string; national?: boolean; by?: Breakdown; json?: boolean; csv?: boolean; lang: Lang }) {
      const format = outputFormat(opts, opts.lang);
      const brin = brinOption(opts.brin, opts.lang);
      const nl = opts.lang === 'nl';
      if (!brin === !opts.national) throw new Error(nl ? 'Geef --brin BRIN of --national' : 'Give --brin BRIN or --national');
      if (opts.national && opts.by && opts.by !== 'week') throw new Error(nl ? 'Landelijk kan alleen --by week' : 'National results take only --by week');
      const out = await withReporting(this, opts.lang, (r) => {
        const results = brin ? r.institutionResults(brin, opts.by ?? null) : r.nationalResults(opts.by === 'week' ? 'week' : null);
        return format === 'json' ? JSON.stringify(results, null, 2) + '\n' : format === 'csv' ? resultsCsv(results, opts.lang) : resultsText(results, opts.lang);
      });
      process.stdout.write(out);
    });
}
