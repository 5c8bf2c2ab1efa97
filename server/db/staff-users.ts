// Staff accounts: email, role, the institution of an institution user, and the scrypt hash of the password.
import type { Db } from './database.ts';

export type StaffRoleName = 'admin' | 'institution' | 'observer';

export interface StaffUserRow {
  id: number;
  email: string;
  role: StaffRoleName;
  brin: string | null;
  createdAt: string;
  passwordChangedAt: string;
}

const columns = 'id, email, role, brin, created_at AS createdAt, password_changed_at AS passwordChangedAt';

export function staffUsersRepo(db: Db) {
  const insert = db.prepare<[string, StaffRoleName, string | null, string, string, string]>(
    'INSERT INTO staff_users (email, role, brin, password_hash, created_at, password_changed_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const byEmail = db.prepare<[string], StaffUserRow & { passwordHash: string }>(`SELECT ${columns}, password_hash AS passwordHash FROM staff_users WHERE email = ?`);
  const byId = db.prepare<[number], StaffUserRow>(`SELECT ${columns} FROM staff_users WHERE id = ?`);
  const list = db.prepare<[], StaffUserRow>(`SELECT ${columns} FROM staff_users ORDER BY role, email`);
  const setPassword = db.prepare<[string, string, number]>('UPDATE staff_users SET password_hash = ?, password_changed_at = ? WHERE id = ?');
  const count = db.prepare<[], number>('SELECT count(*) FROM staff_users').pluck();
  return {
    /** Returns the new user's id; the email is unique regardless of case (a SQLite constraint error otherwise). */
    create: (u: { email: string; role: StaffRoleName; brin: string | null; passwordHash: string; now: string }): number =>
      Number(insert.run(u.email, u.role, u.brin, u.passwordHash, u.now, u.now).lastInsertRowid),
    /** The user with this email (any case), with the password hash: for the login only. */
    withPassword: (email: string) => byEmail.get(email),
    get: (id: number): StaffUserRow | undefined => byId.get(id),
    list: (): StaffUserRow[] => list.all(),
    setPassword: (id: number, passwordHash: string, now: string): boolean => setPassword.run(passwordHash, now, id).changes === 1,
    count: (): number => count.get()!,
  };
}
export type StaffUsersRepo = ReturnType<typeof staffUsersRepo>;
