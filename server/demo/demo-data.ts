// The deterministic demo: three clearly fake institutions of ~2,000 students each, and label files for two
// of them. Same seed, same people, so the printed demo logins always work.
import { makeBsn } from '../services/population/pgn.ts';
import type { PopulationRecord } from '../services/population/records.ts';

/** A demo student is a population record as DUO would deliver it. */
export type DemoStudent = PopulationRecord;

export interface DemoLabel {
  pgn: string;
  bedrijfsgroep: string | null;
  respons: [string | null, string | null, string | null];
  analyse: [string | null, string | null, string | null];
}

export const DEMO_PEILDATUM = '2023-12-01';
export const DEMO_INSTITUTIONS = [
  { brin: '99DM', name: 'Demo ROC Noordwaarts (fictief)', size: 2000, labels: true },
  { brin: '98DM', name: 'Demo Vakcollege Zuidhaven (fictief)', size: 1900, labels: true },
  { brin: '97DM', name: 'Demo AOC Groenrijk (fictief)', size: 2100, labels: false },
] as const;

const SURNAMES = ['Jansen', 'Bakker', 'Visser', 'Smit', 'Meijer', 'Mulder', 'Bos', 'Vos', 'Peters', 'Hendriks', 'Dekker', 'Brouwer', 'Koster', 'Willems', 'Çelik', 'Yılmaz', 'El Amrani', 'Šimić', 'Nguyễn', "D'Souza", 'Müller', 'Jansen-Bakker', 'Bulut', 'Kaya', 'Hoekstra'];
const TUSSEN = ['', '', '', '', 'de', 'van', 'van der', 'van den', 'van de', 'ter', "'t"];
const TUSSEN_SURNAMES = ['Vries', 'Berg', 'Dijk', 'Brink', 'Linden', 'Heuvel', 'Wal', 'Veen', 'Horst', 'Hoek'];
const INITIALS = 'ABCDEFGHIJKLMNOPRSTVWYZ'.split('');
const CREBOS = ['25655', '25180', '25168', '23271', '25491', '25604', '25255', '23182'];

/** mulberry32: a small, well-known seeded PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function demoPopulation(): DemoStudent[] {
  const rand = rng(20231201);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const out: DemoStudent[] = [];
  let serial = 1;
  for (const inst of DEMO_INSTITUTIONS) {
    for (let i = 0; i < inst.size; i++) {
      const tv = pick(TUSSEN);
      const achternaam = tv ? pick(TUSSEN_SURNAMES) : pick(SURNAMES);
      const year = 2000 + Math.floor(rand() * 8);
      const month = 1 + Math.floor(rand() * 12);
      const day = 1 + Math.floor(rand() * 28);
      const g = rand();
      out.push({
        pgn: makeBsn(123456 + serial++ * 7919),
        brin: inst.brin,
        instellingsnaam: inst.name,
        crebo: pick(CREBOS),
        leerweg: rand() < 0.75 ? 'BOL' : 'BBL',
        niveau: 1 + Math.floor(rand() * 4),
        geslacht: g < 0.47 ? 'M' : g < 0.94 ? 'V' : g < 0.97 ? 'X' : null,
        achternaam,
        tussenvoegsel: tv,
        voorletters: pick(INITIALS) + '.',
        geboortedatum: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      });
    }
  }
  return out;
}

/** Label files for the institutions that deliver one: most students labelled, a few left out, one bedrijfsgroep. */
export function demoLabels(population: DemoStudent[]): Map<string, DemoLabel[]> {
  const rand = rng(42);
  const files = new Map<string, DemoLabel[]>();
  for (const inst of DEMO_INSTITUTIONS.filter((i) => i.labels)) {
    const rows: DemoLabel[] = [];
    const locations = ['Locatie Centrum', 'Locatie Haven'];
    population
      .filter((s) => s.brin === inst.brin)
      .forEach((s, i) => {
        if (rand() < 0.03) return; // "zonder label": graduated since, or not in the school's records
        if (i % 97 === 0) {
          rows.push({ pgn: s.pgn, bedrijfsgroep: 'Bedrijfsopleiding', respons: [null, null, null], analyse: [null, null, null] });
          return;
        }
        const loc = locations[i % 2]!;
        const unit = `Unit ${['Zorg', 'Techniek', 'Economie'][s.crebo.charCodeAt(4) % 3]}`;
        rows.push({
          pgn: s.pgn,
          bedrijfsgroep: null,
          respons: [loc, unit, `Klas ${1 + (i % 12)}${'ABC'[i % 3]}`],
          analyse: [loc, unit.replace('Unit', 'Sector'), `Team ${1 + (i % 6)}`],
        });
      });
    files.set(inst.brin, rows);
  }
  return files;
}
