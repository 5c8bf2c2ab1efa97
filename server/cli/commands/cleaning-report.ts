// job-monitor cleaning-report: counts per cleaning rule and in total, nationally and per institution, of the latest run.
import { Command } from 'commander';
import { cleaningReportText } from '../../services/reporting/cleaning-output.ts';
import { brinOption, langOption, withReporting, type Lang } from '../reporting.ts';

export function cleaningReportCommand(): Command {
  return new Command('cleaning-report')
    .description('counts per cleaning rule and in total, nationally and per institution, of the latest cleaning run')
    .option('--brin <brin>', 'one institution (beside the national counts)')
    .option('--json', 'machine-readable output')
    .addOption(langOption())
    .action(async function (this: Command, opts: { brin?: string; json?: boolean; lang: Lang }) {
      const brin = brinOption(opts.brin, opts.lang);
      const out = await withReporting(this, opts.lang, (r) => {
        const report = r.cleaningReport(brin);
        return opts.json ? JSON.stringify(report, null, 2) + '\n' : cleaningReportText(report, opts.lang);
      });
      process.stdout.write(out);
    });
}
