// job-monitor institution-settings: per-institution settings; now whether bedrijfsgroep students count in the
// response overview (they never count in results).
import { Command, Option } from 'commander';
import { openContext } from '../context.ts';
import { createInstitutionsService } from '../../services/institutions/institutions-service.ts';

export function institutionSettingsCommand(): Command {
  return new Command('institution-settings')
    .description("show or change an institution's settings")
    .requiredOption('--brin <brin>', 'BRIN of the institution')
    .addOption(
      new Option('--bedrijfsgroep-in-respons <yes|no>', 'whether bedrijfsgroep students count in the response overview').choices(['yes', 'no']),
    )
    .option('--json', 'machine-readable output')
    .action(function (this: Command, opts: { brin: string; bedrijfsgroepInRespons?: 'yes' | 'no'; json?: boolean }) {
      const ctx = openContext(this);
      try {
        const brin = opts.brin.trim().toUpperCase();
        const institutions = createInstitutionsService(ctx);
        if (opts.bedrijfsgroepInRespons && !institutions.setBedrijfsgroepInRespons(brin, opts.bedrijfsgroepInRespons === 'yes')) {
          throw new Error(`BRIN ${brin} is not a known institution`);
        }
        const inst = institutions.get(brin);
        if (!inst) throw new Error(`BRIN ${brin} is not a known institution`);
        if (opts.json) process.stdout.write(JSON.stringify(inst) + '\n');
        else process.stdout.write(`${inst.brin} ${inst.name}\n  bedrijfsgroep in responsoverzicht: ${inst.bedrijfsgroepInRespons ? 'ja' : 'nee'}\n`);
      } finally {
        ctx.db.close();
      }
    });
}
