// Institutions (BRIN + name), as they come from the DUO population.
import type { Db } from './database.ts';

export interface Institution {
  brin: string;
  name: string;
  bedrijfsgroepInRespons: boolean;
}

export function institutionsRepo(db: Db) {
  const list = db.prepare<[], { brin: string; name: string; b: number }>(
    'SELECT brin, name, bedrijfsgroep_in_respons AS b FROM institutions ORDER BY name',
  );
  const get = db.prepare<[string], { brin: string; name: string; b: number }>(
    'SELECT brin, name, bedrijfsgroep_in_respons AS b FROM institutions WHERE brin = ?',
  );
  const upsert = db.prepare<[string, string]>(
    'INSERT INTO institutions (brin, name) VALUES (?, ?) ON CONFLICT (brin) DO UPDATE SET name = excluded.name',
  );
  const setBedrijfsgroep = db.prepare<[number, string]>('UPDATE institutions SET bedrijfsgroep_in_respons = ? WHERE brin = ?');
  const toInstitution = (r: { brin: string; name: string; b: number }): Institution => ({
    brin: r.brin,
    name: r.name,
    bedrijfsgroepInRespons: r.b === 1,
  });
  return {
    list: (): Institution[] => list.all().map(toInstitution),
    get: (brin: string): Institution | undefined => {
      const r = get.get(brin);
      return r && toInstitution(r);
    },
    upsert: (brin: string, name: string): void => void upsert.run(brin, name),
    /** Whether bedrijfsgroep students count in the response overview; false when the BRIN is unknown. */
    setBedrijfsgroepInRespons: (brin: string, value: boolean): boolean => setBedrijfsgroep.run(value ? 1 : 0, brin).changes === 1,
  };
}
export type InstitutionsRepo = ReturnType<typeof institutionsRepo>;
