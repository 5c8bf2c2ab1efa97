// The suite's one table: a line per figure with its target and PASS/FAIL, plain text for a terminal or a log.
import type { BenchRow, Target } from './types.ts';

export const formatTarget = (t: Target | null, unit: string) => (t ? `${t.op} ${t.value}${unit === 'count' ? '' : ` ${unit}`}` : '');
export const formatFigure = (r: Pick<BenchRow, 'figure' | 'unit'>) =>
  `${Number.isFinite(r.figure) ? (Number.isInteger(r.figure) ? r.figure.toLocaleString('en') : r.figure.toFixed(2).replace(/\.?0+$/, '')) : 'n/a'}${r.unit === 'count' ? '' : ` ${r.unit}`}`;
export const verdict = (pass: boolean | null) => (pass === null ? '-' : pass ? 'PASS' : 'FAIL');

export function formatTable(rows: BenchRow[]): string {
  const cells = rows.map((r) => [r.name, formatFigure(r), formatTarget(r.target, r.unit), verdict(r.pass), r.note ?? '']);
  const head = ['figure', 'measured', 'target', 'result', 'note'];
  const width = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((x, i) => (i === 1 ? x.padStart(width[i]!) : i === 4 ? x : x.padEnd(width[i]!))).join('  ').trimEnd();
  return [line(head), line(width.map((w) => '-'.repeat(Math.min(w, 40)))), ...cells.map(line)].join('\n');
}
