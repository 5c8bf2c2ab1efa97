// What the staff app lists and changes besides classroom sessions, each behind its role check: the institutions a
// user may choose, an institution's settings (admin, or its own institution user), the staff accounts (admin).
import type { StaffInstitution, InstitutionSettings, StaffUserListItem } from '../../api/staff.ts';
import type { InstitutionsService } from '../institutions/institutions-service.ts';
import { AppError } from '../common/errors.ts';
import type { AccountsService } from './accounts.ts';
import { requireAccess, requireScope, type StaffPrincipal } from './access.ts';

const unknownInstitution = (brin: string) => new AppError('not_found', { nl: `Instelling ${brin} is onbekend.`, en: `Institution ${brin} is not known.` });

export function createStaffDirectory({ institutions, accounts }: { institutions: InstitutionsService; accounts: AccountsService }) {
  function settings(who: StaffPrincipal, brin: string): InstitutionSettings {
    requireAccess(who, 'settings', brin);
    const inst = institutions.get(brin);
    if (!inst) throw unknownInstitution(brin);
    return { brin: inst.brin, name: inst.name, bedrijfsgroepInRespons: inst.bedrijfsgroepInRespons };
  }

  return {
    /** The institutions `who` may hold classroom sessions for. */
    institutions(who: StaffPrincipal): StaffInstitution[] {
      const scope = requireScope(who, 'classroom');
      return institutions.list().filter((i) => scope === null || i.brin === scope);
    },
    settings,
    updateSettings(who: StaffPrincipal, brin: string, change: { bedrijfsgroepInRespons: boolean }): InstitutionSettings {
      requireAccess(who, 'settings', brin);
      if (!institutions.setBedrijfsgroepInRespons(brin, change.bedrijfsgroepInRespons)) throw unknownInstitution(brin);
      return settings(who, brin);
    },
    users(who: StaffPrincipal): StaffUserListItem[] {
      requireAccess(who, 'users');
      return accounts.list();
    },
  };
}
export type StaffDirectory = ReturnType<typeof createStaffDirectory>;
