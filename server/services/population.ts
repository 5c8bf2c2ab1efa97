// Turns population records into what the database may hold: PGN pseudonym, login keys and the
// background data DUO provides. Raw names, PGNs and birth dates stop here.
import type { Repos } from '../db/index.ts';
import type { NewPopulationRow } from '../db/population.ts';
import type { Keyer } from './keys.ts';
import { registeredVariants } from './names.ts';

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

export function pseudonymise(keyer: Keyer, peildatum: string, r: PopulationRecord): NewPopulationRow {
  const pgnKey = keyer.pgn(r.pgn);
  const initial = r.voorletters.trim().charAt(0);
  return {
    peildatum,
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

/** Replaces the population of a reference date in one transaction; institutions come along. */
export function replacePopulation(repos: Repos, keyer: Keyer, peildatum: string, records: PopulationRecord[]): number {
  return repos.db.transaction(() => {
    const names = new Map<string, string>();
    for (const r of records) names.set(r.brin, r.instellingsnaam);
    for (const [brin, name] of names) repos.institutions.upsert(brin, name);
    return repos.population.replacePeildatum(peildatum, (function* () {
      for (const r of records) yield pseudonymise(keyer, peildatum, r);
    })());
  })();
}
