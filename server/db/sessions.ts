// Server-side sessions bound to a response; only the SHA-256 of the cookie token is stored.
import type { Db } from './database.ts';
import { responseColumns, type ResponseRow } from './responses.ts';

export interface SessionRow {
  lastSeenAt: string;
  response: ResponseRow;
}

export function sessionsRepo(db: Db) {
  const insert = db.prepare<[Buffer, number, string, string]>(
    'INSERT INTO sessions (token_hash, response_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)',
  );
  // The response comes with the session: one read per request for both.
  const get = db.prepare<[Buffer], ResponseRow & { lastSeenAt: string }>(
    `SELECT s.last_seen_at AS lastSeenAt, ${responseColumns('r')} FROM sessions s JOIN responses r ON r.id = s.response_id WHERE s.token_hash = ?`,
  );
  const touch = db.prepare<[string, Buffer]>('UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?');
  const remove = db.prepare<[Buffer]>('DELETE FROM sessions WHERE token_hash = ?');
  // One slice of the table by the first byte of the token hash: the sweep takes the table in 256 short steps
  // instead of one scan that would hold the write lock (no index on last_seen_at: every login and touch would pay for it).
  const removeIdleSlice = db.prepare<[Buffer, Buffer, string]>('DELETE FROM sessions WHERE token_hash >= ? AND token_hash < ? AND last_seen_at < ?');
  // The last slice's upper bound: 33 bytes of 0xff sort after every 32-byte hash (a blob sorts before its extensions).
  const AFTER_ALL = Buffer.alloc(33, 0xff);
  return {
    create: (tokenHash: Buffer, responseId: number, now: string): void => void insert.run(tokenHash, responseId, now, now),
    get(tokenHash: Buffer): SessionRow | undefined {
      const row = get.get(tokenHash);
      if (!row) return undefined;
      const { lastSeenAt, ...response } = row;
      return { lastSeenAt, response };
    },
    touch: (tokenHash: Buffer, now: string): void => void touch.run(now, tokenHash),
    remove: (tokenHash: Buffer): void => void remove.run(tokenHash),
    /** Removes the sessions whose token hash starts with byte `slice` (0-255) and that were last seen before `cutoff`. */
    removeIdleInSlice(slice: number, cutoff: string): number {
      return removeIdleSlice.run(Buffer.of(slice), slice === 255 ? AFTER_ALL : Buffer.of(slice + 1), cutoff).changes;
    },
  };
}
export type SessionsRepo = ReturnType<typeof sessionsRepo>;
