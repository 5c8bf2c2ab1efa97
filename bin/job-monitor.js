#!/usr/bin/env node
// The job-monitor command. The server is TypeScript run through tsx, so there is no separate server build.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../server/cli/main.ts');
process.exitCode = await main(process.argv);
