// job-monitor import-questions <file> --brin BRIN: adds an institution's question module as a new version.
import { Command } from 'commander';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { openContext } from '../context.ts';
import { loadQuestionnaires } from '../../../questionnaire/index.ts';
import { importModule, ModuleImportError, MODULE_MAX_BYTES, moduleTooLarge } from '../../services/survey/definitions.ts';

export function importQuestionsCommand(): Command {
  return new Command('import-questions')
    .description("add or replace an institution's own questions (a JSON module of at most 10 questions, id <BRIN>-<version>)")
    .argument('<file>', 'module definition (JSON)')
    .requiredOption('--brin <brin>', 'the institution, e.g. 25PZ')
    .option('--json', 'machine-readable output')
    .action(function (this: Command, file: string, opts: { brin: string; json?: boolean }) {
      // Refused before it is read: a huge file would cost memory and time for nothing.
      const { size } = statSync(file);
      if (size > MODULE_MAX_BYTES) throw new Error(`${file} was not imported; nothing changed.\n  ${moduleTooLarge(size)}`);
      const text = readFileSync(file, 'utf8');
      const ctx = openContext(this);
      try {
        const r = importModule(ctx.repos, loadQuestionnaires(), { brin: opts.brin, text, fileName: basename(file), now: new Date() });
        if (opts.json) process.stdout.write(JSON.stringify(r) + '\n');
        else {
          const replaced = r.replaced ? ` It replaces ${r.replaced} for responses that start from now on; started responses keep their version.` : '';
          process.stdout.write(`Imported module ${r.id} for ${r.brin}: ${r.questions} question${r.questions === 1 ? '' : 's'}.${replaced}\n`);
        }
      } catch (err) {
        if (err instanceof ModuleImportError) throw new Error(`${file} was not imported; nothing changed.\n  ${err.problems.join('\n  ')}`);
        throw err;
      } finally {
        ctx.db.close();
      }
    });
}
