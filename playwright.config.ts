// Browser tests in Chromium against the built app. Each worker starts its own server (random free port on
// 127.0.0.1, its own temporary database with the demo population): see test/e2e/fixtures.ts.
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './test/support/browser.ts';

const launchOptions = chromiumLaunchOptions();

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    browserName: 'chromium',
    launchOptions,
    trace: 'retain-on-failure',
    locale: 'nl-NL',
  },
  projects: [
    { name: 'desktop', use: { viewport: { width: 1280, height: 800 } } },
    { name: 'phone', use: { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } },
  ],
});
