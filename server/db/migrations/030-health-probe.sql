-- The health check writes this one row, so /api/health reports whether writes succeed, not only reads.
CREATE TABLE health_probe (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  checked_at TEXT NOT NULL
);
