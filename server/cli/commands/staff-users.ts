// job-monitor create-staff-user, reset-staff-password, list-staff-users: staff accounts from the command line.
// A password comes from standard input (piped, first line) or is generated and printed once.
import { Command, Option } from 'commander';
import { openContext } from '../context.ts';
import { createAccountsService } from '../../services/staff/accounts.ts';
import { staffRoles, type StaffRole } from '../../api/staff.ts';

/** The first line of piped standard input; undefined for a terminal or empty input (then one is generated). */
async function passwordFromStdin(): Promise<string | undefined> {
  if (process.stdin.isTTY) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const line = Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
  return line.length > 0 ? line : undefined;
}

const shown = (generated: string | null) =>
  generated ? `Wachtwoord (wordt maar één keer getoond / shown only once): ${generated}\n` : 'Wachtwoord van standaardinvoer gezet / password set from standard input.\n';

export function createStaffUserCommand(): Command {
  return new Command('create-staff-user')
    .description('create a staff account; the password is read from piped standard input, or generated and printed once')
    .requiredOption('--email <email>', 'the email address to sign in with')
    .addOption(new Option('--role <role>', 'admin, institution (one BRIN) or observer (JOB staff)').choices([...staffRoles]).makeOptionMandatory())
    .option('--brin <brin>', 'the institution of an institution user')
    .option('--json', 'machine-readable output')
    .action(async function (this: Command, opts: { email: string; role: StaffRole; brin?: string; json?: boolean }) {
      const ctx = openContext(this);
      try {
        const password = await passwordFromStdin();
        const r = await createAccountsService({ repos: ctx.repos, now: () => new Date() }).create({ email: opts.email, role: opts.role, brin: opts.brin ?? null, password });
        if (opts.json) process.stdout.write(JSON.stringify({ user: r.user, generatedPassword: r.generatedPassword }) + '\n');
        else process.stdout.write(`Account aangemaakt / created: ${r.user.email} (${r.user.role}${r.user.brin ? `, ${r.user.brin}` : ''})\n${shown(r.generatedPassword)}`);
      } finally {
        ctx.db.close();
      }
    });
}

export function resetStaffPasswordCommand(): Command {
  return new Command('reset-staff-password')
    .description("set a staff account's password (from piped standard input, or generated and printed once) and end its sessions")
    .requiredOption('--email <email>', 'the account')
    .option('--json', 'machine-readable output')
    .action(async function (this: Command, opts: { email: string; json?: boolean }) {
      const ctx = openContext(this);
      try {
        const password = await passwordFromStdin();
        const r = await createAccountsService({ repos: ctx.repos, now: () => new Date() }).resetPassword(opts.email, password);
        if (opts.json) process.stdout.write(JSON.stringify(r) + '\n');
        else process.stdout.write(`Wachtwoord gewijzigd / password changed for ${opts.email.trim().toLowerCase()}; ${r.sessionsEnded} sessie(s) beëindigd / session(s) ended.\n${shown(r.generatedPassword)}`);
      } finally {
        ctx.db.close();
      }
    });
}

export function listStaffUsersCommand(): Command {
  return new Command('list-staff-users')
    .description('list the staff accounts (no passwords)')
    .option('--json', 'machine-readable output')
    .action(function (this: Command, opts: { json?: boolean }) {
      const ctx = openContext(this);
      try {
        const users = createAccountsService({ repos: ctx.repos, now: () => new Date() }).list();
        if (opts.json) {
          process.stdout.write(JSON.stringify(users, null, 2) + '\n');
          return;
        }
        if (users.length === 0) {
          process.stdout.write('Geen staff-accounts / no staff accounts.\n');
          return;
        }
        const head = ['e-mail', 'rol', 'brin', 'aangemaakt', 'wachtwoord gewijzigd'];
        const rows = users.map((u) => [u.email, u.role, u.brin ?? '-', u.createdAt.slice(0, 16).replace('T', ' '), u.passwordChangedAt.slice(0, 16).replace('T', ' ')]);
        const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
        const fmt = (r: string[]) => r.map((v, i) => v.padEnd(widths[i]!)).join('  ').trimEnd();
        process.stdout.write([fmt(head), ...rows.map(fmt)].join('\n') + '\n');
      } finally {
        ctx.db.close();
      }
    });
}
