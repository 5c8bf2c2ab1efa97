// An institution's accepted label files, current first, with the check report stored with each.
import type { Repos } from '../../db/index.ts';
import type { LabelFileHistoryRow } from '../../db/labels.ts';

export interface LabelFileHistoryEntry extends Omit<LabelFileHistoryRow, 'report'> {
  status: 'current' | 'superseded';
  report: unknown;
}

export function labelHistory(repos: Repos, brin: string): LabelFileHistoryEntry[] {
  return repos.labels.history(brin).map((f, i) => ({
    ...f,
    status: i === 0 ? 'current' : 'superseded',
    report: f.report === null ? null : (JSON.parse(f.report) as unknown),
  }));
}
