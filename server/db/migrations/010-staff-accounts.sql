-- Staff accounts and their sessions, apart from the students' own (sessions): a staff cookie never resolves on
-- the student API and a student cookie never on the staff API. Passwords are scrypt hashes with their
-- parameters ("scrypt$N$r$p$salt$hash"); sessions store only the SHA-256 of the cookie token.
CREATE TABLE staff_users (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  role TEXT NOT NULL CHECK (role IN ('admin', 'institution', 'observer')),
  -- The one institution an institution user sees; no other role has one.
  brin TEXT CHECK (brin GLOB '[0-9][0-9][A-Z][A-Z]'),
  password_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  password_changed_at TEXT NOT NULL,
  CHECK ((role = 'institution') = (brin IS NOT NULL))
);

CREATE TABLE staff_sessions (
  token_hash BLOB PRIMARY KEY,
  staff_user_id INTEGER NOT NULL REFERENCES staff_users(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX staff_sessions_user ON staff_sessions (staff_user_id);
CREATE INDEX staff_sessions_last_seen ON staff_sessions (last_seen_at);
