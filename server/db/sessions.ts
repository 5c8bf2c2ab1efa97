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
  const removeIdle = db.prepare<[string]>('DELETE FROM sessions WHERE last_seen_at < ?');
  const removeAllOf = db.prepare<[Buffer]>('DELETE FROM sessions WHERE response_id = (SELECT response_id FROM sessions WHERE token_hash = ?)');
  // Reads the response's other sessions newest first off sessions_response (response_id, created_at; the key last,
  // so token_hash DESC breaks ties without a sort) and deletes those past the first `keep - 1`: usually none.
  const keepNewest = db.prepare<[number, Buffer, number]>(
    `DELETE FROM sessions WHERE token_hash IN
       (SELECT token_hash FROM sessions WHERE response_id = ? AND token_hash <> ?
        ORDER BY created_at DESC, token_hash DESC LIMIT -1 OFFSET ?)`,
  );
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
    /** Removes the session and every other session of its response. */
    removeWithSiblings: (tokenHash: Buffer): void => void removeAllOf.run(tokenHash),
    /** Keeps the session `newest` (just created) and the `keep - 1` most recently created others of its response. */
    keepNewest: (responseId: number, newest: Buffer, keep: number): void => void keepNewest.run(responseId, newest, keep - 1),
    /** Removes the sessions last seen before `cutoff`; returns how many. */
    removeIdle: (cutoff: string): number => removeIdle.run(cutoff).changes,
  };
}
export type SessionsRepo = ReturnType<typeof sessionsRepo>;
