// Every UI locale namespace (common, staff, classroom, ...) exists in Dutch, the source, and in English with exactly
// the same keys, no empty text, and the same {{placeholders}}: a missing or stray key fails here.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = join(import.meta.dirname, '..', '..', 'client', 'locales');
const read = (lang: string, file: string) => JSON.parse(readFileSync(join(DIR, lang, file), 'utf8')) as Record<string, unknown>;

/** Every leaf as "a.b.c" -> text. */
function leaves(o: Record<string, unknown>, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(o)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v !== null && typeof v === 'object') for (const [kk, vv] of leaves(v as Record<string, unknown>, key)) out.set(kk, vv);
    else out.set(key, String(v));
  }
  return out;
}
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

const namespaces = readdirSync(join(DIR, 'nl')).filter((f) => f.endsWith('.json'));

describe('UI locales', () => {
  it('have the same namespaces in both languages, among them staff and classroom', () => {
    expect(readdirSync(join(DIR, 'en')).filter((f) => f.endsWith('.json')).sort()).toEqual([...namespaces].sort());
    expect(namespaces).toEqual(expect.arrayContaining(['common.json', 'staff.json', 'classroom.json']));
  });

  it.each(namespaces)('%s: English has every Dutch key and no other, none empty, the same placeholders', (file) => {
    const nl = leaves(read('nl', file));
    const en = leaves(read('en', file));
    expect([...en.keys()].sort()).toEqual([...nl.keys()].sort());
    for (const [key, text] of [...nl, ...en]) expect(text.trim(), key).not.toBe('');
    for (const [key, text] of nl) expect(placeholders(en.get(key) ?? ''), key).toEqual(placeholders(text));
  });
});
