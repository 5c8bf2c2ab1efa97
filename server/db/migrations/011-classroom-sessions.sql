-- Classroom sessions: a class filling in the monitor together, followed live by JOB staff or the school.
-- Counts only: joins are random per-tab ids, outcomes are counts, and a member row says no more than that a
-- response logged in through this session (so its progress counts in the session's live view).
CREATE TABLE classroom_sessions (
  id INTEGER PRIMARY KEY,
  -- 6 characters without look-alikes (no 0/O, 1/I/L); unique for good, so an old code never points elsewhere.
  code TEXT NOT NULL UNIQUE,
  brin TEXT NOT NULL REFERENCES institutions(brin),
  name TEXT NOT NULL,
  created_by INTEGER REFERENCES staff_users(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  -- The end of the day of creation in Europe/Amsterdam, as an instant (UTC ISO).
  expires_at TEXT NOT NULL
);
CREATE INDEX classroom_sessions_brin ON classroom_sessions (brin, created_at);
CREATE INDEX classroom_sessions_expiry ON classroom_sessions (expires_at);

-- One row per browser tab that opened the link or typed the code (a random id the tab keeps).
CREATE TABLE classroom_joins (
  session_id INTEGER NOT NULL REFERENCES classroom_sessions(id) ON DELETE CASCADE,
  join_id TEXT NOT NULL,
  joined_at TEXT NOT NULL,
  PRIMARY KEY (session_id, join_id)
) WITHOUT ROWID;

-- Login outcomes of logins that came with this session's code.
CREATE TABLE classroom_outcomes (
  session_id INTEGER NOT NULL REFERENCES classroom_sessions(id) ON DELETE CASCADE,
  outcome TEXT NOT NULL CHECK (outcome IN ('success', 'not_found', 'ambiguous', 'locked', 'completed')),
  n INTEGER NOT NULL CHECK (n > 0),
  PRIMARY KEY (session_id, outcome)
) WITHOUT ROWID;

CREATE TABLE classroom_members (
  session_id INTEGER NOT NULL REFERENCES classroom_sessions(id) ON DELETE CASCADE,
  response_id INTEGER NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
  joined_at TEXT NOT NULL,
  PRIMARY KEY (session_id, response_id)
) WITHOUT ROWID;
CREATE INDEX classroom_members_response ON classroom_members (response_id);
