// job-monitor export: the data file of an institution (the responses its results count) or the national one (every
// judged response with its verdict), with a codebook and an SPSS syntax file, into a folder.
import { Command } from 'commander';
import { join } from 'node:path';
import { brinOption, langOption, withReporting, type Lang } from '../reporting.ts';

export function exportCommand(): Command {
  return new Command('export')
    .description('write a data file (CSV), its codebook and an SPSS syntax file for an institution or the whole country')
    .option('--brin <brin>', "the institution's file")
    .option('--national', 'the national file for researchers, with each response\'s cleaning verdict')
    .requiredOption('--out <dir>', 'folder to write the files into (made when missing)')
    .option('--json', 'machine-readable output')
    .addOption(langOption())
    .action(async function (this: Command, opts: { brin?: string; national?: boolean; out: string; json?: boolean; lang: Lang }) {
      const brin = brinOption(opts.brin, opts.lang);
      if (!brin === !opts.national) throw new Error(opts.lang === 'nl' ? 'Geef --brin BRIN of --national' : 'Give --brin BRIN or --national');
      const r = await withReporting(this, opts.lang, (reporting) => reporting.writeExport(brin ?? 'national', opts.out, opts.lang));
      if (opts.json) process.stdout.write(JSON.stringify(r, null, 2) + '\n');
      else {
        const files = [r.files.data, r.files.codebook, r.files.syntax].map((f) => `  ${join(opts.out, f)}`).join('\n');
        process.stdout.write(opts.lang === 'nl' ? `${r.rows} responsen geschreven (opschoonronde ${r.run.id}):\n${files}\n` : `${r.rows} responses written (cleaning run ${r.run.id}):\n${files}\n`);
      }
    });
}
