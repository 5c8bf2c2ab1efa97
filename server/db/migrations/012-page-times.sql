-- How many completed responses spent how many active seconds on each page (whole seconds, the last bucket
-- holding everything longer), derived once per response from its timing events after it is complete: the
-- national median per page that the classroom live view compares a class with. Counts only.
CREATE TABLE page_time_counts (
  page_id TEXT NOT NULL,
  seconds INTEGER NOT NULL CHECK (seconds >= 0),
  n INTEGER NOT NULL CHECK (n > 0),
  PRIMARY KEY (page_id, seconds)
) WITHOUT ROWID;

-- Completed responses already counted above (also those without page times), so each counts once.
CREATE TABLE page_times_done (
  response_id INTEGER PRIMARY KEY REFERENCES responses(id) ON DELETE CASCADE
);
