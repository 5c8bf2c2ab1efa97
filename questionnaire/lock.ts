// The hash lock of published versions: a version's content hash (SHA-256 of its canonical JSON) is committed in
// published.json, so any edit to a published version fails the tests and stops the server at start-up.
import { createHash } from 'node:crypto';
import type { Questionnaire } from './schema.ts';

/** JSON with object keys sorted at every level, so the hash depends on content, not on key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function contentHash(def: Questionnaire): string {
  return createHash('sha256').update(canonicalJson(def)).digest('hex');
}

export type PublishedLock = Record<string, string>;

/** Problems with the lock: a published version whose content changed, or one that is missing. */
export function checkLock(defs: Map<string, Questionnaire>, lock: PublishedLock): string[] {
  const problems: string[] = [];
  for (const [id, hash] of Object.entries(lock)) {
    const def = defs.get(id);
    if (!def) {
      problems.push(`version ${id} is published (questionnaire/published.json) but its definition is missing`);
      continue;
    }
    const actual = contentHash(def);
    if (actual !== hash) {
      problems.push(
        `version ${id} is published and may not change: its content hash is ${actual}, published.json locks ${hash}. ` +
          'Undo the edit and put the change in a new version.',
      );
    }
  }
  return problems;
}
