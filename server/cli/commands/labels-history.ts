// job-monitor labels-history: every accepted label file of an institution, current first, for audit.
import { Command } from 'commander';
import { openContext } from '../context.ts';
import { labelHistory } from '../../services/labels/history.ts';

export function labelsHistoryCommand(): Command {
  return new Command('labels-history')
    .description("list an institution's accepted label files, the current one first")
    .requiredOption('--brin <brin>', 'BRIN of the institution')
    .option('--json', 'machine-readable output (includes each stored check report)')
    .action(function (this: Command, opts: { brin: string; json?: boolean }) {
      const ctx = openContext(this);
      try {
        const brin = opts.brin.trim().toUpperCase();
        const files = labelHistory(ctx.repos, brin);
        if (opts.json) {
          process.stdout.write(JSON.stringify({ brin, files }, null, 2) + '\n');
          return;
        }
        if (files.length === 0) {
          process.stdout.write(`Geen labelbestanden voor ${brin}.\n`);
          return;
        }
        const dash = (v: number | null) => (v === null ? '-' : String(v));
        const head = ['#', 'status', 'bestandsnaam', 'datum', 'ontvangen', 'rijen', 'gekoppeld', 'niet in pop.', 'zonder label', 'responsen gewijzigd'];
        const rows = files.map((f) => [
          String(f.id),
          f.status === 'current' ? 'actueel' : 'vervangen',
          f.fileName,
          f.fileDate ?? '-',
          f.receivedAt.slice(0, 19).replace('T', ' '),
          String(f.rowCount),
          dash(f.matched),
          dash(f.notInPopulation),
          dash(f.zonderLabel),
          dash(f.responsesChanged),
        ]);
        const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
        const fmt = (r: string[]) => r.map((v, i) => v.padEnd(widths[i]!)).join('  ').trimEnd();
        process.stdout.write([fmt(head), ...rows.map(fmt)].join('\n') + '\n');
      } finally {
        ctx.db.close();
      }
    });
}
