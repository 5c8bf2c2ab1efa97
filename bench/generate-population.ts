// Writes a synthetic DUO population CSV (default 600,000 rows): Dutch-looking names with tussenvoegsels,
// accents and double names, valid BSNs, ~60 institutions. Deterministic: same arguments, same file.
// Usage: npm run bench:generate -- [--rows 600000] [--out bench/results/population-600k.csv] [--delimiter ";"]
import { createWriteStream } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { makeBsn } from '../server/services/population/pgn.ts';
import { rng } from '../server/demo/demo-data.ts';

const SURNAMES = ['Jansen', 'de Jong', 'Bakker', 'Visser', 'Smit', 'Meijer', 'Mulder', 'Bos', 'Vos', 'Peters', 'Hendriks', 'Dekker',
  'Brouwer', 'Koster', 'Willems', 'Çelik', 'Yılmaz', 'El Amrani', 'Šimić', 'Nguyễn', "D'Souza", 'Müller', 'Bulut', 'Kaya', 'Hoekstra',
  'Öztürk', 'Lefèvre', 'Sánchez', 'Bouzidi', 'Kowalski', 'Jørgensen', 'Wijaya', 'Boateng', 'Postma', 'Kuipers', 'Huisman', 'Groot'];
const TUSSEN = ['', '', '', '', '', 'de', 'van', 'van der', 'van den', 'van de', 'ter', "'t", 'in het', 'den'];
const TUSSEN_SURNAMES = ['Vries', 'Berg', 'Dijk', 'Brink', 'Linden', 'Heuvel', 'Wal', 'Veen', 'Horst', 'Hoek', 'Leeuw', 'Beek', 'Meer', 'Bosch'];
const INITIALS = 'ABCDEFGHIJKLMNOPRSTVWYZ'.split('');
const CREBOS = ['25655', '25180', '25168', '23271', '25491', '25604', '25255', '23182', '25700', '25410'];
const LETTERS = 'ABCDEFGHJKLMNPRSTVWXYZ';

export interface GeneratedStudent {
  pgn: string;
  brin: string;
  instellingsnaam: string;
  achternaam: string;
  tussenvoegsel: string;
  geboortedatum: string; // YYYY-MM-DD
  geslacht: string;
}

/** Streams rows to `onRow`; the same seed gives the same people. */
export function generate(rows: number, onRow: (fields: string[], s: GeneratedStudent) => void, seed = 600000): void {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const institutions = Array.from({ length: 60 }, (_, i) => ({
    brin: `${String(10 + i).padStart(2, '0')}${LETTERS[i % LETTERS.length]}${LETTERS[(i * 7) % LETTERS.length]}`,
    name: `ROC Synthetisch ${i + 1} (fictief)`,
  }));
  for (let i = 0; i < rows; i++) {
    const inst = institutions[i % institutions.length]!;
    const tv = pick(TUSSEN);
    let achternaam = tv ? pick(TUSSEN_SURNAMES) : pick(SURNAMES);
    if (!tv && rand() < 0.05) achternaam = `${achternaam}-${pick(['de ', 'van ', ''])}${pick(TUSSEN_SURNAMES)}`;
    const g = rand();
    const geslacht = g < 0.47 ? 'M' : g < 0.94 ? 'V' : g < 0.97 ? 'X' : '';
    const y = 1998 + Math.floor(rand() * 10);
    const m = 1 + Math.floor(rand() * 12);
    const d = 1 + Math.floor(rand() * 28);
    const geboortedatum = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    // Half the rows carry the date as DD-MM-YYYY, as some exports do.
    const dateField = i % 2 ? geboortedatum : `${String(d).padStart(2, '0')}-${String(m).padStart(2, '0')}-${y}`;
    const pgn = makeBsn(100000000 + i * 1201);
    const s = { pgn, brin: inst.brin, instellingsnaam: inst.name, achternaam, tussenvoegsel: tv, geboortedatum, geslacht };
    onRow(
      [pgn, inst.brin, inst.name, pick(CREBOS), rand() < 0.75 ? 'BOL' : 'BBL', String(1 + Math.floor(rand() * 4)), geslacht, achternaam, tv, `${pick(INITIALS)}.`, dateField],
      s,
    );
  }
}

export const HEADER = ['pgn', 'brin', 'instellingsnaam', 'crebo', 'leerweg', 'niveau', 'geslacht', 'achternaam', 'tussenvoegsel', 'voorletters', 'geboortedatum'];

export async function writePopulationCsv(file: string, rows: number, delimiter = ';'): Promise<void> {
  mkdirSync(dirname(file), { recursive: true });
  const out = createWriteStream(file);
  const quote = (f: string) => (f.includes(delimiter) || f.includes('"') ? `"${f.replace(/"/g, '""')}"` : f);
  let chunk = '\uFEFF' + HEADER.join(delimiter) + '\r\n';
  const flush = async () => {
    if (!out.write(chunk)) await new Promise<void>((ok) => out.once('drain', () => ok()));
    chunk = '';
  };
  const pending: string[] = [];
  generate(rows, (fields) => pending.push(fields.map(quote).join(delimiter)));
  for (let i = 0; i < pending.length; i += 10000) {
    chunk += pending.slice(i, i + 10000).join('\r\n') + '\r\n';
    await flush();
  }
  await new Promise<void>((ok, fail) => out.end((err?: Error | null) => (err ? fail(err) : ok())));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { rows: { type: 'string', default: '600000' }, out: { type: 'string', default: 'bench/results/population-600k.csv' }, delimiter: { type: 'string', default: ';' } } });
  const t = performance.now();
  await writePopulationCsv(values.out, Number(values.rows), values.delimiter);
  process.stdout.write(`wrote ${values.rows} rows to ${values.out} in ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
}
