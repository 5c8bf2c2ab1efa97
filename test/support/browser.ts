// Which Chromium the browser tests use: Playwright's own when installed, else the system Chromium
// ($CHROMIUM_PATH or /usr/bin/chromium) with the flags a root, offline machine needs.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const SYSTEM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'];

export function chromiumLaunchOptions(): { executablePath?: string; args: string[] } {
  const own = safe(() => chromium.executablePath());
  if (own && existsSync(own)) return { args: process.getuid?.() === 0 ? ['--no-sandbox'] : [] };
  const system = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p): p is string => !!p && existsSync(p));
  if (!system) {
    throw new Error('No Chromium found. Run `npx playwright install chromium`, or install Chromium (Debian: apt-get install chromium) or set CHROMIUM_PATH.');
  }
  return { executablePath: system, args: SYSTEM_FLAGS };
}

function safe<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}
