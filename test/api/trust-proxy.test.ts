// TRUST_PROXY: the forms Express documents are accepted and take effect (each address behind the proxy has its own
// per-IP login limit); anything else stops the start with a message naming the variable.
import { afterEach, describe, expect, it, vi } from 'vitest';
import request from 'supertest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultConfig, parseTrustProxy } from '../../server/config.ts';
import { DEFAULT_THROTTLE } from '../../server/services/login/throttle.ts';
import { main } from '../../server/cli/main.ts';
import { createTestApp, student, type TestApp } from '../support/test-app.ts';

describe('parsing', () => {
  it.each([
    ['true', true],
    ['TRUE', true],
    ['1', 1],
    ['2', 2],
    ['0', false],
    ['', false],
    ['false', false],
    ['loopback', ['loopback']],
    ['10.0.0.5, 10.1.0.0/16', ['10.0.0.5', '10.1.0.0/16']],
    ['loopback,uniquelocal,::1,fd00::/8,192.168.1.0/255.255.255.0', ['loopback', 'uniquelocal', '::1', 'fd00::/8', '192.168.1.0/255.255.255.0']],
  ] as const)('"%s"', (value, expected) => {
    expect(parseTrustProxy(value)).toEqual(expected);
    expect(defaultConfig({}, { TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  it.each(['yes', '10.0.0.300', 'loopback;10.0.0.1', '10.0.0.0/33', '-1', 'proxy.example'])('refuses "%s" with a message', (value) => {
    expect(() => parseTrustProxy(value)).toThrow(/^TRUST_PROXY .*use true, a number of proxies/);
  });

  it('the serve command stops at once on a wrong value and says why', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jm-proxy-'));
    vi.stubEnv('TRUST_PROXY', 'yes');
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await main(['node', 'job-monitor', '--data-dir', dir, '--port', '0', 'serve', '--host', '127.0.0.1'])).toBe(1);
      expect(err.mock.calls.map((c) => String(c[0])).join('')).toMatch(/TRUST_PROXY "yes" is not valid/);
    } finally {
      err.mockRestore();
      vi.unstubAllEnvs();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('behind a proxy, each student address has its own per-IP limit', () => {
  let t: TestApp;
  afterEach(() => t.close());
  const wrong = { brin: '25PZ', surname: 'Niemand', birthDate: '01-01-2005' };

  it.each(['true', '1', 'loopback', '127.0.0.1'])('TRUST_PROXY=%s', async (value) => {
    t = createTestApp({
      population: [student({ achternaam: 'Visser' })],
      config: { trustProxy: parseTrustProxy(value), loginThrottle: { ...DEFAULT_THROTTLE, ipFailures: 3, studentFailures: 100, targetFailures: 100 } },
    });
    const from = (ip: string, surname = 'Niemand') => request(t.app).post('/api/login').set('X-Forwarded-For', ip).send({ ...wrong, surname });
    for (let i = 0; i < 3; i++) await from('203.0.113.7', `Niemand${'x'.repeat(i)}`).expect(401);
    await from('203.0.113.7', 'Anders').expect(429);
    // Another school's address behind the same proxy is not locked out.
    await from('198.51.100.9', 'Anders').expect(401);
  });

  it('without TRUST_PROXY every address behind the proxy is one (the reason to set it)', async () => {
    t = createTestApp({ population: [student()], config: { loginThrottle: { ...DEFAULT_THROTTLE, ipFailures: 3, studentFailures: 100, targetFailures: 100 } } });
    const from = (ip: string, surname: string) => request(t.app).post('/api/login').set('X-Forwarded-For', ip).send({ ...wrong, surname });
    for (let i = 0; i < 3; i++) await from('203.0.113.7', `Niemand${'x'.repeat(i)}`).expect(401);
    await from('198.51.100.9', 'Anders').expect(429);
  });
});
