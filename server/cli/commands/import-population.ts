// job-monitor import-population <file>: checks a DUO population file and, only when every row is right,
// replaces the population of that reference date (written in short steps, switched to in one small one).
import { Command, CommanderError } from 'commander';
import { openContext } from '../context.ts';
import { importPopulationFile, type ImportResult } from '../../services/population/import.ts';
import { parseDate } from '../../services/population/rows.ts';
import { letOtherWritersIn } from '../../services/common/pacing.ts';
import { startBackgroundCheckpoints } from '../../db/checkpoints.ts';

/** How many problems the text output lists; all are counted, and --json lists up to MAX_LISTED_PROBLEMS. */
const PRINTED_PROBLEMS = 50;

/** 1 December before today: the usual reference date of the fieldwork that is running. */
export function defaultPeildatum(today = new Date()): string {
  const y = today.getUTCMonth() === 11 ? today.getUTCFullYear() : today.getUTCFullYear() - 1;
  return `${y}-12-01`;
}

export function importPopulationCommand(): Command {
  return new Command('import-population')
    .description("import DUO's population file (CSV); a file with any problem is rejected as a whole")
    .argument('<file>', 'CSV file, UTF-8, ";" or "," separated, with a header row')
    .option('--peildatum <YYYY-MM-DD>', 'reference date of the population (default: the last 1 December)')
    .option('--json', 'machine-readable output')
    .action(async function (this: Command, file: string, opts: { peildatum?: string; json?: boolean }) {
      const peildatum = opts.peildatum ?? defaultPeildatum();
      if (!/^\d{4}-\d{2}-\d{2}$/.test(peildatum) || parseDate(peildatum) !== peildatum) {
        throw new Error(`--peildatum must be a real date as YYYY-MM-DD, not "${peildatum}"`);
      }
      const ctx = openContext(this);
      const started = performance.now();
      // Checkpoints in a thread of their own, as the server runs them: the import's steps never wait for an fsync.
      const checkpoints = startBackgroundCheckpoints(ctx.db);
      let result: ImportResult;
      try {
        result = await importPopulationFile(ctx.repos, ctx.keyer, file, peildatum, { pause: letOtherWritersIn });
      } finally {
        await checkpoints.stop();
        ctx.db.close();
      }
      const seconds = Math.round(performance.now() - started) / 1000;
      if (opts.json) process.stdout.write(JSON.stringify({ ...result, seconds }) + '\n');
      else process.stdout.write(formatResult(file, result, seconds));
      // The report is printed; commander's own error type makes main() exit 1 without printing more.
      if (!result.ok) throw new CommanderError(1, 'job-monitor.importRejected', 'population file rejected');
    });
}

function formatResult(file: string, r: ImportResult, seconds: number): string {
  if (r.ok) {
    return `Populatie ${r.peildatum} geïmporteerd uit ${file}: ${r.rows} studenten, ${r.institutions} instellingen` +
      ` (vervangt ${r.replaced} studenten) in ${seconds} s.\n`;
  }
  const lines = r.problems.slice(0, PRINTED_PROBLEMS).map((p) => `  regel ${p.line}${p.column ? ` (${p.column})` : ''}: ${p.message}`);
  const more = r.problemCount - lines.length;
  return `${file} is NIET geïmporteerd: ${r.problemCount} ${r.problemCount === 1 ? 'probleem' : 'problemen'} in ${r.rows} regels. Er is niets veranderd.\n` +
    `${lines.join('\n')}\n${more > 0 ? `  ... en nog ${more} (alle problemen: --json)\n` : ''}`;
}
