// job-monitor clean: judges every completed response with the cleaning rules (the latest version, or --rules-version),
// stores the verdicts with the rules version beside the earlier runs, and reports what moved since the run before.
import { Command } from 'commander';
import { CURRENT_CLEANING_RULES_VERSION } from '../../../questionnaire/cleaning/index.ts';
import { letOtherWritersIn } from '../../services/common/pacing.ts';
import { startBackgroundCheckpoints } from '../../db/checkpoints.ts';
import { cleaningRunText } from '../../services/reporting/cleaning-output.ts';
import { langOption, withReporting, type Lang } from '../reporting.ts';

export function cleanCommand(): Command {
  return new Command('clean')
    .description('judge every completed response with the cleaning rules; earlier verdicts are kept, and what moved is reported')
    .option('--rules-version <n>', `version of the cleaning rules (default: the latest, ${CURRENT_CLEANING_RULES_VERSION})`, (v) => Number(v), CURRENT_CLEANING_RULES_VERSION)
    .option('--json', 'machine-readable output')
    .addOption(langOption())
    .action(async function (this: Command, opts: { rulesVersion: number; json?: boolean; lang: Lang }) {
      const out = await withReporting(this, opts.lang, async (reporting, ctx) => {
        const checkpoints = startBackgroundCheckpoints(ctx.db);
        try {
          const r = await reporting.runCleaning(opts.rulesVersion, letOtherWritersIn);
          return opts.json ? JSON.stringify(r, null, 2) + '\n' : cleaningRunText(r, opts.lang);
        } finally {
          await checkpoints.stop();
        }
      });
      process.stdout.write(out);
    });
}
