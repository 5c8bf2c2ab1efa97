// The nine columns of a label file, in the manual's order, and how a header text is recognised.
import type { Message } from '../common/errors.ts';

export const COLUMN_KEYS = [
  'pgn',
  'instellingsnaam',
  'bedrijfsgroep',
  'respons_1',
  'respons_2',
  'respons_3',
  'analyse_1',
  'analyse_2',
  'analyse_3',
] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];

export const COLUMN_NAMES: Record<ColumnKey, Message> = {
  pgn: { nl: 'PGN/BSN/onderwijsnummer', en: 'PGN/BSN/education number' },
  instellingsnaam: { nl: 'Instellingsnaam', en: 'Institution name' },
  bedrijfsgroep: { nl: 'Bedrijfsgroep', en: 'Bedrijfsgroep (company group)' },
  respons_1: { nl: 'Responslabel 1', en: 'Response label 1' },
  respons_2: { nl: 'Responslabel 2', en: 'Response label 2' },
  respons_3: { nl: 'Responslabel 3', en: 'Response label 3' },
  analyse_1: { nl: 'Analyselabel 1', en: 'Analysis label 1' },
  analyse_2: { nl: 'Analyselabel 2', en: 'Analysis label 2' },
  analyse_3: { nl: 'Analyselabel 3', en: 'Analysis label 3' },
};

/**
 * Which column a header names, or null when it does not say (institutions may write "Locatie" over a response
 * label; that is accepted). Only a header that clearly names another column counts as out of order.
 */
export function classifyHeader(header: string): ColumnKey | null {
  const h = header.toLowerCase().replace(/\s+/g, '');
  if (/pgn|bsn|onderwijsnummer|burgerservicenummer|persoonsgebonden/.test(h)) return 'pgn';
  if (h.includes('bedrijf')) return 'bedrijfsgroep';
  const respons = /respons\D*([123])/.exec(h);
  if (respons) return `respons_${respons[1] as '1' | '2' | '3'}`;
  const analyse = /analy[sz]e\D*([123])/.exec(h);
  if (analyse) return `analyse_${analyse[1] as '1' | '2' | '3'}`;
  if (h.includes('instelling')) return 'instellingsnaam';
  return null;
}
