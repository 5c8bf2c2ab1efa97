// Demo staff accounts, one per role, clearly fake (addresses under the reserved .example domain, "demo" passwords
// printed on start): so the staff app at /staff works right after `npm start`. Only ever created by the demo, and only when no staff
// account exists.
import type { StaffRole } from '../api/staff.ts';
import type { AccountsService } from '../services/staff/accounts.ts';

export interface DemoStaffUser {
  email: string;
  role: StaffRole;
  brin: string | null;
  password: string;
}

export const DEMO_STAFF: readonly DemoStaffUser[] = [
  { email: 'beheerder@demo-jobmonitor.example', role: 'admin', brin: null, password: 'demo-beheerder-2024' },
  { email: 'coordinator@demo-noordwaarts.example', role: 'institution', brin: '99DM', password: 'demo-coordinator-2024' },
  { email: 'waarnemer@demo-jobmonitor.example', role: 'observer', brin: null, password: 'demo-waarnemer-2024' },
];

/** Creates the demo staff accounts when there is no staff account at all; returns how many were created. */
export async function seedDemoStaffIfNone(accounts: AccountsService): Promise<number> {
  if (accounts.count() > 0) return 0;
  for (const u of DEMO_STAFF) await accounts.create(u);
  return DEMO_STAFF.length;
}

export function formatStaffLogins(path = '/staff'): string {
  const lines = DEMO_STAFF.map((u) => `  ${u.role.padEnd(12)} ${u.email.padEnd(40)} ${u.password}${u.brin ? `   (${u.brin})` : ''}`);
  return `Demo staff logins at ${path} (role, email, password):\n${lines.join('\n')}\n`;
}
