// The shipped versions of the cleaning rules, their hash lock, and which version a new cleaning run uses.
// The server calls loadCleaningRules() at start-up: a broken or edited published version stops it with a clear message.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../lock.ts';
import { parseCleaningRules, type CleaningRules, type CleaningRulesInput } from './schema.ts';
import published from './published.json' with { type: 'json' };
import rules1 from './rules-1.ts';

export const cleaningRuleSources: CleaningRulesInput[] = [rules1];
/** Version -> SHA-256 of its canonical JSON. */
export const PUBLISHED_CLEANING_RULES: Record<string, string> = published;

export function cleaningRulesHash(rules: CleaningRules): string {
  return createHash('sha256').update(canonicalJson(rules)).digest('hex');
}

/** Validates every shipped version and checks the published ones against their lock; throws naming the version and the problem. */
export function loadCleaningRules(input: CleaningRulesInput[] = cleaningRuleSources, lock: Record<string, string> = PUBLISHED_CLEANING_RULES): Map<number, CleaningRules> {
  const out = new Map<number, CleaningRules>();
  input.forEach((src, i) => {
    const r = parseCleaningRules(src);
    const name = typeof src?.version === 'number' ? `version ${src.version}` : `entry ${i + 1}`;
    if (!r.ok) throw new Error(`Cleaning rules ${name} are invalid:\n  ${r.errors.join('\n  ')}`);
    if (out.has(r.value.version)) throw new Error(`Cleaning rules version ${r.value.version} is shipped twice`);
    out.set(r.value.version, r.value);
  });
  const problems: string[] = [];
  for (const [version, hash] of Object.entries(lock)) {
    const rules = out.get(Number(version));
    if (!rules) problems.push(`version ${version} is published (questionnaire/cleaning/published.json) but missing`);
    else if (cleaningRulesHash(rules) !== hash) {
      problems.push(`version ${version} is published and may not change (verdicts carry its number): put the change in a new version`);
    }
  }
  if (problems.length) throw new Error(`Cleaning rules changed:\n  ${problems.join('\n  ')}`);
  return out;
}

/** The version a new cleaning run uses: the highest shipped. */
export const CURRENT_CLEANING_RULES_VERSION = Math.max(...cleaningRuleSources.map((r) => r.version));

export * from './schema.ts';
