// Runtime configuration, from command-line options and the environment.
import { isIP } from 'node:net';
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
  /** Express "trust proxy": set when a reverse proxy sets X-Forwarded-For (see parseTrustProxy). */
  trustProxy: boolean | number | string[];
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
    sessionIdleMinutes: positive('SESSION_IDLE_MINUTES', env.SESSION_IDLE_MINUTES, 60),
    staffSessionIdleMinutes: positive('STAFF_SESSION_IDLE_MINUTES', env.STAFF_SESSION_IDLE_MINUTES, 60),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    secureCookies: env.SECURE_COOKIES === 'true',
    loginThrottle: { ...DEFAULT_THROTTLE, ...(env.LOGIN_IP_FAILURES ? { ipFailures: Number(env.LOGIN_IP_FAILURES) } : {}) },
    ...overrides,
  };
}

function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, not "${value}"`);
  return n;
}

// The names proxy-addr (Express) knows for address ranges.
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** One trusted proxy as Express takes it: a range name, an address, or a subnet (address/prefix or address/netmask). */
function isProxyAddress(item: string): boolean {
  if (RANGE_NAMES.has(item)) return true;
  const [address = '', bits, ...rest] = item.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  if (/^\d{1,3}$/.test(bits)) return Number(bits) <= (family === 4 ? 32 : 128);
  return family === 4 && isIP(bits) === 4; // a netmask such as 255.255.255.0
}

/**
 * TRUST_PROXY in the forms Express documents: `true` (trust every proxy: only when nothing but the proxy can reach
 * the server), a number of proxy hops in front of the server, or a comma-separated list of proxy addresses, subnets
 * and the names loopback, linklocal, uniquelocal. Unset, empty or `false` trusts none. Anything else stops the
 * start with a message: a wrong value would put every student behind the proxy on one address and one login limit.
 */
export function parseTrustProxy(value: string | undefined): boolean | number | string[] {
  const v = (value ?? '').trim();
  if (v === '' || v.toLowerCase() === 'false') return false;
  if (v.toLowerCase() === 'true') return true;
  if (/^\d+$/.test(v)) return Number(v) === 0 ? false : Number(v);
  const items = v.split(',').map((s) => s.trim());
  const wrong = items.filter((i) => !isProxyAddress(i));
  if (wrong.length === 0) return items;
  throw new Error(
    `TRUST_PROXY "${value}" is not valid (${wrong.map((w) => `"${w}"`).join(', ')}): use true, a number of proxies (e.g. 1), ` +
      'or a comma-separated list of proxy addresses or subnets (e.g. loopback or 10.0.0.5,10.1.0.0/16)',
  );
}

export const databaseFile = (config: Pick<Config, 'dataDir'>) => join(config.dataDir, 'job-monitor.sqlite');
