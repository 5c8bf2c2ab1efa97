// job-monitor questionnaire-diff <from> <to> [--json]: what changed between two shipped questionnaire versions.
import { Command } from 'commander';
import { loadQuestionnaires } from '../../../questionnaire/index.ts';
import { diffQuestionnaires, formatDiff } from '../../../questionnaire/diff.ts';

export function questionnaireDiffCommand(): Command {
  return new Command('questionnaire-diff')
    .description('print what changed between two questionnaire versions: questions added, removed, reworded, options and routing changed')
    .argument('<from>', 'version id, e.g. 2024-1')
    .argument('<to>', 'version id, e.g. 2024-2')
    .option('--json', 'machine-readable output')
    .action((from: string, to: string, opts: { json?: boolean }) => {
      const defs = loadQuestionnaires();
      const known = [...defs.keys()].join(', ');
      const a = defs.get(from);
      const b = defs.get(to);
      if (!a) throw new Error(`unknown questionnaire version "${from}" (known: ${known})`);
      if (!b) throw new Error(`unknown questionnaire version "${to}" (known: ${known})`);
      const d = diffQuestionnaires(a, b);
      process.stdout.write(opts.json ? JSON.stringify(d, null, 2) + '\n' : formatDiff(d));
    });
}
