-- Raw timing events of a response, as the student's browser recorded them, for the cleaning rules.
-- client_at is the browser's clock; offset_ms = server receipt time - the browser's send time of the
-- request that carried the event, so client_at + offset_ms is the event on the server's clock.
CREATE TABLE timing_events (
  response_id INTEGER NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
  -- "<tab>:<n>": tab is random per page load, n counts up within it; makes a retried save idempotent.
  event_id TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('page_shown', 'page_left', 'hidden', 'visible', 'answer')),
  target TEXT, -- page id for page events, question id for answer events
  client_at TEXT NOT NULL,
  offset_ms INTEGER NOT NULL,
  received_at TEXT NOT NULL,
  PRIMARY KEY (response_id, event_id)
) WITHOUT ROWID;
