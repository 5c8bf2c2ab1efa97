-- Label files refused at upload in the staff app: when and under what name, and how many errors of each kind, so
-- the institutions overview can say "refused" and the coordinator sees it in the history. Never the file itself,
-- its rows or anything that names a student: the counts only.
CREATE TABLE label_refusals (
  id INTEGER PRIMARY KEY,
  brin TEXT NOT NULL,
  file_name TEXT NOT NULL,
  refused_at TEXT NOT NULL,
  error_count INTEGER NOT NULL,
  error_counts TEXT NOT NULL -- JSON: { code: count }
);
CREATE INDEX label_refusals_brin ON label_refusals (brin, refused_at);
