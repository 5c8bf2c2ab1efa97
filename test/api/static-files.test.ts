// The built client as the server sends it: precompressed copies with Content-Encoding and Vary, immutable caching
// for hashed assets only, helmet's headers, the SPA shell for page addresses and a 404 for missing files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { get, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { createTestApp, type TestApp } from '../support/test-app.ts';

const SHELL = '<!doctype html><html lang="nl"><head><title>JOB-monitor</title></head><body><div id="root"></div></body></html>';
const SCRIPT = `console.log(${JSON.stringify('x'.repeat(4000))});`;
const WORKER = `self.addEventListener('install', () => {}); // ${'y'.repeat(3000)}`;

let dir: string;
let t: TestApp;
let server: Server;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jm-client-'));
  mkdirSync(join(dir, 'assets'));
  const write = (name: string, body: string, compressed = true) => {
    writeFileSync(join(dir, name), body);
    if (!compressed) return;
    writeFileSync(join(dir, `${name}.br`), brotliCompressSync(body));
    writeFileSync(join(dir, `${name}.gz`), gzipSync(body));
  };
  write('index.html', SHELL);
  write('assets/index-AbC123.js', SCRIPT);
  write('sw.js', WORKER, false); // written after the bundle: no precompressed copy
  t = createTestApp({ config: { clientDir: dir } });
  server = t.app.listen(0, '127.0.0.1');
  await new Promise((ok) => server.once('listening', ok));
});
afterAll(async () => {
  await new Promise((ok) => server.close(ok));
  t.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The response as it travels: bytes as sent, not decoded (supertest and fetch would decode them). */
function raw(path: string, acceptEncoding: string): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  const { port } = server.address() as AddressInfo;
  return new Promise((ok, fail) => {
    get({ host: '127.0.0.1', port, path, headers: { 'Accept-Encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', fail);
  });
}

describe('static files', () => {
  it('sends the brotli copy of a hashed asset to a browser that accepts it, cached for a year as immutable', async () => {
    const res = await raw('/assets/index-AbC123.js', 'gzip, deflate, br');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(res.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(res.body).toString()).toBe(SCRIPT);
    expect(res.body.length).toBeLessThan(SCRIPT.length / 10);
  });

  it('sends gzip to a browser without brotli, and the plain file to one without either', async () => {
    const gz = await raw('/assets/index-AbC123.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(SCRIPT);
    const plain = await raw('/assets/index-AbC123.js', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(SCRIPT);
  });

  it('answers a missing asset or file with 404, not the app shell', async () => {
    for (const path of ['/assets/missing.js', '/assets/index-AbC123.css', '/missing.js', '/favicon.ico']) {
      const res = await request(t.app).get(path).set('Accept-Encoding', 'br');
      expect(res.status, path).toBe(404);
      expect(res.text, path).not.toContain('<div id="root">');
    }
  });

  it('answers page addresses with the shell, compressed, revalidated on every visit, under helmet headers', async () => {
    for (const path of ['/', '/?lang=en', '/survey/page-2']) {
      const res = await raw(path, 'br');
      expect(res.status, path).toBe(200);
      expect(res.headers['content-type'], path).toMatch(/^text\/html/);
      expect(res.headers['content-encoding'], path).toBe('br');
      expect(res.headers['cache-control'], path).toBe('no-cache');
      expect(res.headers['content-security-policy'], path).toContain("script-src 'self'");
      expect(res.headers['x-content-type-options'], path).toBe('nosniff');
      expect(brotliDecompressSync(res.body).toString(), path).toBe(SHELL);
    }
  });

  it('compresses the service worker as it is sent and never lets it be cached without a check', async () => {
    const res = await raw('/sw.js', 'gzip');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(gunzipSync(res.body).toString()).toBe(WORKER);
  });

  it('leaves the API alone', async () => {
    const res = await request(t.app).get('/api/nothing-here').set('Accept-Encoding', 'br');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/json/);
    expect(res.headers['content-encoding']).toBeUndefined();
  });
});
