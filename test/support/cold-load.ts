// Measures what a first visit of the student app downloads in Chromium (a 360x640 phone unless told), with an empty cache,
// until the login page shows and the service worker has precached the shell. The total is counted on the wire by a
// TCP relay in front of the server (every byte the server sends: headers, bodies, the service worker's own fetches);
// the list of responses comes from Playwright. Used by the e2e test and bench/cold-load.ts.
import { createConnection, createServer, type AddressInfo } from 'node:net';
import type { Browser, BrowserContextOptions, Request } from '@playwright/test';

export interface LoadedResource {
  url: string;
  by: 'page' | 'service worker';
  status: number;
  encoding: string;
  bytes: number;
}

export interface ColdLoad {
  /** Every byte the server sent, counted on the wire. */
  wireBytes: number;
  requests: LoadedResource[];
}

/** A relay to `target` on 127.0.0.1 that counts the bytes coming back. */
async function countingRelay(target: URL): Promise<{ url: string; received: () => number; close: () => Promise<void> }> {
  let received = 0;
  const relay = createServer((client) => {
    const upstream = createConnection({ host: target.hostname, port: Number(target.port) });
    upstream.on('data', (b: Buffer) => (received += b.length));
    client.pipe(upstream).pipe(client);
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise<void>((ok) => relay.listen(0, '127.0.0.1', ok));
  const { port } = relay.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received: () => received,
    close: () => new Promise<void>((ok) => relay.close(() => ok())),
  };
}

const PHONE: BrowserContextOptions = { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

export async function measureColdLoad(browser: Browser, serverURL: string, device: BrowserContextOptions = PHONE): Promise<ColdLoad> {
  const relay = await countingRelay(new URL(serverURL));
  const context = await browser.newContext({ ...device, baseURL: relay.url, locale: 'nl-NL' });
  const seen: Promise<LoadedResource | null>[] = [];
  const record = async (request: Request): Promise<LoadedResource | null> => {
    const response = await request.response();
    if (!response || response.fromServiceWorker()) return null; // answered from the precache: nothing downloaded
    const sizes = await request.sizes().catch(() => ({ responseBodySize: 0, responseHeadersSize: 0 }));
    const path = new URL(request.url()).pathname + new URL(request.url()).search;
    return {
      url: path,
      by: request.serviceWorker() ? 'service worker' : 'page',
      status: response.status(),
      encoding: (await response.allHeaders())['content-encoding'] ?? 'none',
      bytes: sizes.responseBodySize + sizes.responseHeadersSize, // as Chromium reports it; 0 when it does not know
    };
  };
  context.on('requestfinished', (r) => seen.push(record(r)));
  try {
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('heading', { name: 'Inloggen' }).waitFor();
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    // The precache is complete once the worker has activated.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null || navigator.serviceWorker.ready.then((r) => r.active?.state === 'activated'));
    await page.waitForLoadState('networkidle');
    const requests = (await Promise.all(seen)).filter((r): r is LoadedResource => r !== null);
    return { wireBytes: relay.received(), requests };
  } finally {
    await context.close();
    await relay.close();
  }
}
