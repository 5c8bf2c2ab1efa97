// job-monitor seed-demo: fills an empty database with the demo population and label files.
import { Command } from 'commander';
import { openContext } from '../context.ts';
import { demoLogins, seedDemo } from '../../demo/seed.ts';
import { DEMO_STAFF, formatStaffLogins, seedDemoStaffIfNone } from '../../demo/demo-staff.ts';
import { createAccountsService } from '../../services/staff/accounts.ts';

export function seedDemoCommand(): Command {
  return new Command('seed-demo')
    .description('fill an empty database with the (fake, deterministic) demo population, label files and staff accounts')
    .option('--json', 'machine-readable output')
    .action(async function (this: Command, opts: { json?: boolean }) {
      const ctx = openContext(this);
      try {
        const r = seedDemo(ctx.repos, ctx.keyer);
        const staff = await seedDemoStaffIfNone(createAccountsService({ repos: ctx.repos, now: () => new Date() }));
        const staffLogins = staff ? DEMO_STAFF.map(({ email, role, brin, password }) => ({ email, role, brin, password })) : [];
        if (opts.json) process.stdout.write(JSON.stringify({ ...r, logins: demoLogins(), staffLogins }) + '\n');
        else process.stdout.write(`Demo seeded: ${r.students} students, ${r.labelRows} label rows, ${r.responses.completed} completed responses (${r.cleaning.clean} clean).\n${formatLogins()}${staff ? formatStaffLogins() : ''}`);
      } finally {
        ctx.db.close();
      }
    });
}

export function formatLogins(): string {
  const lines = demoLogins().map((l) => `  ${l.school.padEnd(40)} ${l.surname.padEnd(18)} ${l.birthDate}   (${l.note})`);
  return `Demo logins (school, surname, birth date):\n${lines.join('\n')}\n`;
}
