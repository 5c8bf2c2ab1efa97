-- Login outcomes per institution per day (Europe/Amsterdam), for the response overview and the classroom view.
-- Counts only: nothing here points to a student.
CREATE TABLE login_outcomes (
  brin TEXT NOT NULL REFERENCES institutions(brin),
  day TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('success', 'not_found', 'ambiguous', 'locked', 'completed')),
  n INTEGER NOT NULL CHECK (n > 0),
  PRIMARY KEY (brin, day, outcome)
) WITHOUT ROWID;
