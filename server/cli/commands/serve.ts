// job-monitor serve: runs the web application until SIGTERM/SIGINT, then shuts down gracefully.
import { Command } from 'commander';
import type { AddressInfo } from 'node:net';
import { createApp, createServices } from '../../app.ts';
import { createLogger } from '../../logger.ts';
import { openContext } from '../context.ts';
import { startBackgroundCheckpoints } from '../../db/checkpoints.ts';
import { seedDemoIfEmpty } from '../../demo/seed.ts';
import { formatLogins } from './seed-demo.ts';
import { startSessionSweep } from '../../services/login/session-sweep.ts';
import { formatStaffLogins, seedDemoStaffIfNone } from '../../demo/demo-staff.ts';

export function serveCommand(): Command {
  return new Command('serve')
    .description('serve the survey application')
    .option('--demo', 'seed the demo population first when the database is empty, and print demo logins')
    .option('--host <host>', 'address to listen on (default: $HOST or 0.0.0.0)')
    .action(async function (this: Command, opts: { demo?: boolean; host?: string }) {
      const ctx = openContext(this);
      const log = createLogger();
      if (opts.host) ctx.config.host = opts.host;
      if (opts.demo) {
        const r = seedDemoIfEmpty(ctx.repos, ctx.keyer);
        if (r) log.info(r, 'demo seeded');
      }
      const checkpoints = startBackgroundCheckpoints(ctx.db, { onError: (err) => log.error({ err }, 'background checkpoints stopped; the server checkpoints itself') });
      const services = createServices({ db: ctx.db, config: ctx.config, secret: ctx.secret, logger: log });
      if (opts.demo) {
        const staff = await seedDemoStaffIfNone(services.accounts);
        if (staff) log.info({ staff }, 'demo staff accounts created');
      }
      let stopping = false;
      const app = createApp({ db: ctx.db, config: ctx.config, logger: log, services, stopping: () => stopping });
      const sweep = startSessionSweep({ sessions: services.sessions, log });
      const server = app.listen(ctx.config.port, ctx.config.host);
      await new Promise<void>((resolve, reject) => {
        server.once('listening', resolve);
        server.once('error', reject);
      });
      const { port } = server.address() as AddressInfo;
      log.info({ port, dataDir: ctx.config.dataDir }, 'listening');
      const shown = ctx.config.host === '0.0.0.0' || ctx.config.host === '::' ? 'localhost' : ctx.config.host;
      process.stdout.write(`\njob-monitor is running at http://${shown}:${port}\n`);
      if (opts.demo) process.stdout.write(`${formatLogins()}${formatStaffLogins(`http://${shown}:${port}/staff`)}`);

      await new Promise<void>((resolve) => {
        const stop = (signal: string) => {
          log.info({ signal }, 'shutting down');
          stopping = true;
          // Stop accepting, let in-flight requests finish (their writes commit and are answered), answer requests
          // that still arrive on open connections with 503, then close the database.
          server.close(() => resolve());
          server.closeIdleConnections();
          setTimeout(() => server.closeAllConnections(), 10_000).unref();
        };
        process.once('SIGTERM', () => stop('SIGTERM'));
        process.once('SIGINT', () => stop('SIGINT'));
      });
      services.classroom.close();
      await sweep.stop();
      await services.reports.close();
      await services.labelUploads.close();
      await checkpoints.stop();
      ctx.db.close();
      log.info('stopped');
    });
}
