// Who may do what on the staff side, for every staff route: pure rules over the signed-in staff user.
// admin: everything. institution: only its own BRIN (classroom sessions, settings, and later overview, results,
// labels). observer (JOB staff): classroom sessions of any institution; no results, no label files, no settings.
// National figures need an action on any institution: only admin has them.
import type { StaffRole } from '../../api/staff.ts';
import { AppError } from '../common/errors.ts';

export interface StaffPrincipal {
  id: number;
  email: string;
  role: StaffRole;
  brin: string | null;
}

/** What a staff route does; `users` is about staff accounts, the others are about one institution. */
export type StaffAction = 'users' | 'classroom' | 'settings' | 'response' | 'cleaning' | 'results' | 'labels';

const ANY_INSTITUTION: Record<StaffRole, readonly StaffAction[]> = {
  admin: ['users', 'classroom', 'settings', 'response', 'cleaning', 'results', 'labels'],
  observer: ['classroom'],
  institution: [],
};
const OWN_INSTITUTION: Record<StaffRole, readonly StaffAction[]> = {
  admin: [],
  observer: [],
  institution: ['classroom', 'settings', 'response', 'cleaning', 'results', 'labels'],
};

/** Whether `who` may do `action` (for the institution `brin`, when the action is about one). */
export function may(who: StaffPrincipal, action: StaffAction, brin?: string): boolean {
  if (ANY_INSTITUTION[who.role].includes(action)) return true;
  return OWN_INSTITUTION[who.role].includes(action) && brin !== undefined && brin === who.brin;
}

export const forbidden = () =>
  new AppError('forbidden', { nl: 'Je hebt geen toegang tot dit onderdeel.', en: 'You do not have access to this.' });

export function requireAccess(who: StaffPrincipal, action: StaffAction, brin?: string): void {
  if (!may(who, action, brin)) throw forbidden();
}

/** For a list: null when `who` may see every institution's, their own BRIN when only that; forbidden otherwise. */
export function requireScope(who: StaffPrincipal, action: StaffAction): string | null {
  if (ANY_INSTITUTION[who.role].includes(action)) return null;
  if (OWN_INSTITUTION[who.role].includes(action) && who.brin) return who.brin;
  throw forbidden();
}
