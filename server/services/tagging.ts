// Tags a response with the student's labels from the institution's current label file, or none ("zonder label").
import type { Repos } from '../db/index.ts';
import type { LabelSet } from '../db/labels.ts';

export function currentLabels(repos: Repos, brin: string, pgnKey: Buffer): { labelFileId: number | null; labels: LabelSet | null } {
  const file = repos.labels.currentFile(brin);
  if (!file) return { labelFileId: null, labels: null };
  return { labelFileId: file.id, labels: repos.labels.labelsFor(file.id, pgnKey) ?? null };
}
