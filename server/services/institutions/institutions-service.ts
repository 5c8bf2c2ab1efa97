// Institutions as the population names them, and their settings for the fieldwork.
import type { Repos } from '../../db/index.ts';
import type { Institution } from '../../db/institutions.ts';

export type { Institution };

export function createInstitutionsService({ repos }: { repos: Repos }) {
  return {
    /** The schools a student can pick on the login page, by name. */
    list: (): { brin: string; name: string }[] => repos.institutions.list().map(({ brin, name }) => ({ brin, name })),
    get: (brin: string): Institution | undefined => repos.institutions.get(brin),
    /** Whether bedrijfsgroep students count in the response overview (never in results); false for an unknown BRIN. */
    setBedrijfsgroepInRespons: (brin: string, value: boolean): boolean =>
      repos.transaction(() => repos.institutions.setBedrijfsgroepInRespons(brin, value)),
  };
}
export type InstitutionsService = ReturnType<typeof createInstitutionsService>;
