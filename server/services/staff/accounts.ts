// Staff accounts: created and reset from the command line (a password typed or generated and shown once), listed
// for admins. Bad input gets a message in both languages and changes nothing.
import type { Repos } from '../../db/index.ts';
import type { StaffUserRow } from '../../db/staff-users.ts';
import type { StaffRole, StaffUserListItem } from '../../api/staff.ts';
import { AppError, badRequest } from '../common/errors.ts';
import { generatePassword, hashPassword, MIN_PASSWORD_LENGTH } from './passwords.ts';

export interface NewStaffUser {
  email: string;
  role: StaffRole;
  brin?: string | null;
  /** Omitted: one is generated and returned. */
  password?: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const BRIN = /^\d{2}[A-Z]{2}$/;

function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw badRequest([{ path: 'password', message: `at least ${MIN_PASSWORD_LENGTH} characters` }], {
      nl: `Het wachtwoord moet minstens ${MIN_PASSWORD_LENGTH} tekens lang zijn.`,
      en: `The password must be at least ${MIN_PASSWORD_LENGTH} characters long.`,
    });
  }
}

export const toListItem = (u: StaffUserRow): StaffUserListItem => ({
  email: u.email,
  role: u.role,
  brin: u.brin,
  createdAt: u.createdAt,
  passwordChangedAt: u.passwordChangedAt,
});

export function createAccountsService({ repos, now }: { repos: Repos; now: () => Date }) {
  return {
    /** Creates the account; returns it with the generated password when none was given. */
    async create(input: NewStaffUser): Promise<{ user: StaffUserListItem; generatedPassword: string | null }> {
      const email = input.email.trim().toLowerCase();
      const brin = input.brin?.trim().toUpperCase() || null;
      if (!EMAIL.test(email) || email.length > 254) throw badRequest([{ path: 'email', message: 'not an email address' }], { nl: `"${input.email}" is geen e-mailadres.`, en: `"${input.email}" is not an email address.` });
      if (input.role === 'institution' && (!brin || !BRIN.test(brin))) {
        throw badRequest([{ path: 'brin', message: 'an institution user needs a BRIN' }], {
          nl: 'Een instellingsgebruiker heeft een BRIN nodig (2 cijfers en 2 hoofdletters, bv. 25PZ).',
          en: 'An institution user needs a BRIN (2 digits and 2 capital letters, e.g. 25PZ).',
        });
      }
      if (input.role !== 'institution' && brin) {
        throw badRequest([{ path: 'brin', message: 'only institution users have a BRIN' }], {
          nl: 'Alleen een instellingsgebruiker hoort bij één BRIN.',
          en: 'Only an institution user belongs to one BRIN.',
        });
      }
      if (repos.staffUsers.withPassword(email)) {
        throw new AppError('invalid_input', { nl: `Er is al een account voor ${email}.`, en: `There already is an account for ${email}.` }, [{ path: 'email', message: 'taken' }]);
      }
      const generated = input.password === undefined ? generatePassword() : null;
      const password = input.password ?? generated!;
      checkPassword(password);
      const passwordHash = await hashPassword(password);
      const id = repos.transaction(() => repos.staffUsers.create({ email, role: input.role, brin: input.role === 'institution' ? brin : null, passwordHash, now: now().toISOString() }));
      return { user: toListItem(repos.staffUsers.get(id)!), generatedPassword: generated };
    },

    /** Sets a new password (given, or generated and returned) and ends every session of the account. */
    async resetPassword(emailInput: string, password?: string): Promise<{ generatedPassword: string | null; sessionsEnded: number }> {
      const email = emailInput.trim().toLowerCase();
      const user = repos.staffUsers.withPassword(email);
      if (!user) throw new AppError('not_found', { nl: `Er is geen account voor ${email}.`, en: `There is no account for ${email}.` });
      const generated = password === undefined ? generatePassword() : null;
      const chosen = password ?? generated!;
      checkPassword(chosen);
      const passwordHash = await hashPassword(chosen);
      const sessionsEnded = repos.transaction(() => {
        repos.staffUsers.setPassword(user.id, passwordHash, now().toISOString());
        return repos.staffSessions.removeUser(user.id);
      });
      return { generatedPassword: generated, sessionsEnded };
    },

    list: (): StaffUserListItem[] => repos.staffUsers.list().map(toListItem),
    count: (): number => repos.staffUsers.count(),
  };
}
export type AccountsService = ReturnType<typeof createAccountsService>;
