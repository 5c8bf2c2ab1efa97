// Uploading a label file to the staff API as the staff app does: the raw bytes as application/octet-stream and
// the file name, percent-encoded, in X-File-Name.
import { readFileSync } from 'node:fs';
import { FILE_NAME_HEADER, staffApi, withParams } from '../../server/api/endpoints.ts';

export interface UploadOptions {
  cookie: string;
  brin: string;
  fileName: string;
  /** The bytes, or a path to read them from. */
  body: Uint8Array<ArrayBuffer> | string;
  headers?: Record<string, string>;
}

export function uploadLabels(url: string, o: UploadOptions): Promise<Response> {
  const bytes = typeof o.body === 'string' ? new Uint8Array(readFileSync(o.body)) : o.body;
  return fetch(`${url}${withParams(staffApi.uploadLabels, { brin: o.brin }).path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/octet-stream', [FILE_NAME_HEADER]: encodeURIComponent(o.fileName), cookie: o.cookie, ...o.headers },
    body: bytes,
  });
}

export function confirmLabels(url: string, cookie: string, brin: string, id: string): Promise<Response> {
  return fetch(`${url}${withParams(staffApi.confirmLabels, { brin, id }).path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', cookie } });
}
