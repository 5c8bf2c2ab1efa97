// Server-side sessions bound to a response; only the SHA-256 of the cookie token is stored.
import type { Db } from './database.ts';

export function sessionsRepo(db: Db) {
  const insert = db.prepare<[Buffer, number, string, string]>(
    'INSERT INTO sessions (token_hash, response_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)',
  );
  const get = db.prepare<[Buffer], { responseId: number; lastSeenAt: string }>(
    'SELECT response_id AS responseId, last_seen_at AS lastSeenAt FROM sessions WHERE token_hash = ?',
  );
  const touch = db.prepare<[string, Buffer]>('UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?');
  const remove = db.prepare<[Buffer]>('DELETE FROM sessions WHERE token_hash = ?');
  const removeIdle = db.prepare<[string]>('DELETE FROM sessions WHERE last_seen_at < ?');
  return {
    create: (tokenHash: Buffer, responseId: number, now: string): void => void insert.run(tokenHash, responseId, now, now),
    get: (tokenHash: Buffer) => get.get(tokenHash),
    touch: (tokenHash: Buffer, now: string): void => void touch.run(now, tokenHash),
    remove: (tokenHash: Buffer): void => void remove.run(tokenHash),
    removeIdleSince: (cutoff: string): number => removeIdle.run(cutoff).changes,
  };
}
export type SessionsRepo = ReturnType<typeof sessionsRepo>;
