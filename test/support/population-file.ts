// Writes population records as a DUO-style CSV file (the bytes the import reads), for tests.
import { writeFileSync } from 'node:fs';
import type { PopulationRecord } from '../../server/services/population/records.ts';

export const DUO_COLUMNS = ['pgn', 'brin', 'instellingsnaam', 'crebo', 'leerweg', 'niveau', 'geslacht', 'achternaam', 'tussenvoegsel', 'voorletters', 'geboortedatum'] as const;

export function populationCsv(
  records: PopulationRecord[],
  opts: { delimiter?: ';' | ','; bom?: boolean; columns?: readonly string[]; dateStyle?: 'iso' | 'dutch' } = {},
): string {
  const d = opts.delimiter ?? ';';
  const columns = opts.columns ?? DUO_COLUMNS;
  const field = (r: PopulationRecord, c: string): string => {
    const key = c.toLowerCase() as keyof PopulationRecord;
    if (key === 'geboortedatum' && opts.dateStyle === 'dutch') return r.geboortedatum.split('-').reverse().join('-');
    const v = r[key];
    return v === null || v === undefined ? '' : String(v);
  };
  const quote = (s: string) => (s.includes(d) || s.includes('"') ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [columns.join(d), ...records.map((r) => columns.map((c) => quote(field(r, c))).join(d))];
  return (opts.bom ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n';
}

export function writePopulationFile(path: string, records: PopulationRecord[], opts: Parameters<typeof populationCsv>[1] = {}): string {
  writeFileSync(path, populationCsv(records, opts), 'utf8');
  return path;
}
