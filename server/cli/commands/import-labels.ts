// job-monitor import-labels: checks a label file, links it to the population and (no errors) makes it current.
import { Command, Option } from 'commander';
import { openContext } from '../context.ts';
import { importLabelFile } from '../../services/labels/import.ts';
import { letOtherWritersIn } from '../../services/common/pacing.ts';
import { startBackgroundCheckpoints } from '../../db/checkpoints.ts';
import { formatReport, type Lang } from '../../services/labels/report-text.ts';

export function importLabelsCommand(): Command {
  return new Command('import-labels')
    .description("check an institution's label file (.xlsx or ;-separated .csv) and, without errors, make it current; exit 1 when refused")
    .argument('<file>', 'the label file, named [BRIN]_Jobmonitor_[jjjjmmdd].xlsx')
    .option('--brin <brin>', 'BRIN of the institution (when the file name does not hold it)')
    .option('--dry-run', 'check and report only; change nothing')
    .option('--json', 'machine-readable report (messages in Dutch and English, all counts)')
    .addOption(new Option('--lang <lang>', 'language of the report').choices(['nl', 'en']).default('nl'))
    .action(async function (this: Command, file: string, opts: { brin?: string; dryRun?: boolean; json?: boolean; lang: Lang }) {
      const ctx = openContext(this);
      const checkpoints = startBackgroundCheckpoints(ctx.db);
      try {
        const report = await importLabelFile({ repos: ctx.repos, keyer: ctx.keyer, pause: letOtherWritersIn }, { path: file, brin: opts.brin, dryRun: opts.dryRun });
        process.stdout.write(opts.json ? JSON.stringify(report, null, 2) + '\n' : formatReport(report, opts.lang));
        if (!report.accepted) process.exitCode = 1;
      } finally {
        await checkpoints.stop();
        ctx.db.close();
      }
    });
}
