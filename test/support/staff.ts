// Staff accounts and a listening server for API tests of the staff side (server-sent events need a real socket).
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { StaffRole } from '../../server/api/staff.ts';
import type { TestApp } from './test-app.ts';
import { EventSource } from 'eventsource';

export const PASSWORD = 'a-test-password-1';

export async function createStaff(t: TestApp, role: StaffRole, email: string, brin: string | null = null): Promise<void> {
  await t.services.accounts.create({ email, role, brin, password: PASSWORD });
}

export async function listen(t: TestApp): Promise<{ url: string; server: Server; close: () => Promise<void> }> {
  const server = await new Promise<Server>((ok) => {
    const s = t.app.listen(0, '127.0.0.1', () => ok(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    server,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

/** The `name=value` part of a Set-Cookie header with this name. */
export function cookieFrom(res: Response, name: string): string | undefined {
  return res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith(`${name}=`));
}

/** Signs in and returns the staff cookie (`jm_staff=...`). */
export async function staffCookie(url: string, email: string, password = PASSWORD): Promise<string> {
  const res = await fetch(`${url}/api/staff/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password }) });
  const cookie = cookieFrom(res, 'jm_staff');
  if (res.status !== 200 || !cookie) throw new Error(`staff login failed: ${res.status} ${await res.text()}`);
  return cookie;
}

/** Logs a student in through the student API; returns the student cookie (`jm_session=...`). */
export async function studentCookie(url: string, login: Record<string, string>): Promise<string> {
  const res = await fetch(`${url}/api/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(login) });
  const cookie = cookieFrom(res, 'jm_session');
  if (res.status !== 200 || !cookie) throw new Error(`student login failed: ${res.status} ${await res.text()}`);
  return cookie;
}

/** An EventSource (the WHATWG client, reconnecting by itself) on the staff API with this staff cookie. */
export function liveSource(url: string, path: string, cookie: string): EventSource {
  return new EventSource(`${url}${path}`, {
    fetch: (input, init) => fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), cookie } }),
  });
}
