// Runtime configuration, from command-line options and the environment.
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_THROTTLE, type ThrottleLimits } from './services/login/throttle.ts';

export interface Config {
  dataDir: string;
  port: number;
  host: string;
  /** Built client files; null serves the API only (tests of the API, the dev server). */
  clientDir: string | null;
  helpdeskEmail: string;
  sessionIdleMinutes: number;
  /** A staff session ends after this much inactivity (an open live view counts as activity). */
  staffSessionIdleMinutes: number;
  /** Express "trust proxy": set when a reverse proxy sets X-Forwarded-For. */
  trustProxy: boolean | number | string;
  secureCookies: boolean;
  /** Brute-force limits of the login. */
  loginThrottle: ThrottleLimits;
}

export const ROOT_DIR = resolve(fileURLToPath(new URL('..', import.meta.url)));

export function defaultConfig(overrides: Partial<Config> = {}, env: NodeJS.ProcessEnv = process.env): Config {
  return {
    dataDir: resolve(env.DATA_DIR ?? 'data'),
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    clientDir: join(ROOT_DIR, 'dist', 'client'),
    helpdeskEmail: env.HELPDESK_EMAIL ?? 'helpdesk@jobmonitor.example',
    sessionIdleMinutes: Number(env.SESSION_IDLE_MINUTES ?? 60),
    staffSessionIdleMinutes: Number(env.STAFF_SESSION_IDLE_MINUTES ?? 60),
    trustProxy: env.TRUST_PROXY ?? false,
    secureCookies: env.SECURE_COOKIES === 'true',
    loginThrottle: { ...DEFAULT_THROTTLE, ...(env.LOGIN_IP_FAILURES ? { ipFailures: Number(env.LOGIN_IP_FAILURES) } : {}) },
    ...overrides,
  };
}

export const databaseFile = (config: Pick<Config, 'dataDir'>) => join(config.dataDir, 'job-monitor.sqlite');
