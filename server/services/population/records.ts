// A population given as records in memory (the demo, tests): pseudonymised here, written through the same set
// writer as an imported file. Raw names, PGNs and birth dates stop here.
import type { Repos } from '../../db/index.ts';
import type { StudentWrite } from '../../db/population.ts';
import type { Keyer } from '../common/keys.ts';
import { registeredVariants } from './names.ts';
import { PopulationSetWriter, recordStudents, removeRetiredSetsNow } from './write.ts';

export interface PopulationRecord {
  pgn: string;
  brin: string;
  instellingsnaam: string;
  crebo: string;
  leerweg: 'BOL' | 'BBL';
  niveau: number;
  geslacht: 'M' | 'V' | 'X' | null;
  achternaam: string;
  tussenvoegsel: string;
  voorletters: string;
  geboortedatum: string; // YYYY-MM-DD
}

export function pseudonymise(keyer: Keyer, r: PopulationRecord): StudentWrite {
  const pgnKey = keyer.pgn(r.pgn);
  const initial = r.voorletters.trim().charAt(0);
  return {
    brin: r.brin,
    pgnKey,
    crebo: r.crebo,
    leerweg: r.leerweg,
    niveau: r.niveau,
    geslacht: r.geslacht,
    initialKey: initial ? keyer.initial(r.brin, pgnKey, initial) : null,
    loginKeys: registeredVariants(r.achternaam, r.tussenvoegsel).map((v) => keyer.login(r.brin, r.geboortedatum, v)),
  };
}

/** Replaces the population of a reference date in one transaction; institutions come along. Returns the students written. */
export function replacePopulation(repos: Repos, keyer: Keyer, peildatum: string, records: PopulationRecord[], now = new Date()): number {
  return repos.transaction(() => {
    const writer = new PopulationSetWriter(repos, peildatum, now.toISOString());
    for (const _ of writer.steps(recordStudents(records.map((r) => pseudonymise(keyer, r)))));
    writer.finish(new Map(records.map((r) => [r.brin, r.instellingsnaam])), records.length);
    removeRetiredSetsNow(repos);
    return records.length;
  });
}
