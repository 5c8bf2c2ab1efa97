// Staff sessions: the SHA-256 of the cookie token -> the staff user, with when it was last used.
import type { Db } from './database.ts';
import type { StaffUserRow } from './staff-users.ts';

export interface StaffSessionRow {
  lastSeenAt: string;
  user: StaffUserRow;
}

export function staffSessionsRepo(db: Db) {
  const insert = db.prepare<[Buffer, number, string, string]>(
    'INSERT INTO staff_sessions (token_hash, staff_user_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)',
  );
  const get = db.prepare<[Buffer], StaffUserRow & { lastSeenAt: string }>(
    `SELECT s.last_seen_at AS lastSeenAt, u.id, u.email, u.role, u.brin, u.created_at AS createdAt, u.password_changed_at AS passwordChangedAt
     FROM staff_sessions s JOIN staff_users u ON u.id = s.staff_user_id WHERE s.token_hash = ?`,
  );
  const touch = db.prepare<[string, Buffer]>('UPDATE staff_sessions SET last_seen_at = ? WHERE token_hash = ?');
  const remove = db.prepare<[Buffer]>('DELETE FROM staff_sessions WHERE token_hash = ?');
  const removeUser = db.prepare<[number]>('DELETE FROM staff_sessions WHERE staff_user_id = ?');
  const removeIdle = db.prepare<[string]>('DELETE FROM staff_sessions WHERE last_seen_at < ?');
  return {
    create: (tokenHash: Buffer, userId: number, now: string): void => void insert.run(tokenHash, userId, now, now),
    get(tokenHash: Buffer): StaffSessionRow | undefined {
      const row = get.get(tokenHash);
      if (!row) return undefined;
      const { lastSeenAt, ...user } = row;
      return { lastSeenAt, user };
    },
    touch: (tokenHash: Buffer, now: string): void => void touch.run(now, tokenHash),
    remove: (tokenHash: Buffer): void => void remove.run(tokenHash),
    /** Ends every session of one user (after a password reset). */
    removeUser: (userId: number): number => removeUser.run(userId).changes,
    removeIdle: (cutoff: string): number => removeIdle.run(cutoff).changes,
  };
}
export type StaffSessionsRepo = ReturnType<typeof staffSessionsRepo>;
