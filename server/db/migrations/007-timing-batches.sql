-- Timing events are stored as they arrive: one row per save request, its events as JSON, instead of a
-- row per event. A save then writes one row appended at the end of the table, where the per-event rows
-- each went into their response's own B-tree page (many pages per commit, each copied into the WAL).
-- Readers (db/timing.ts) replay a response's batches in order and keep each event id once, so a retried
-- save still counts once. responses.timing_event_count keeps the per-response cap without counting rows.
CREATE TABLE timing_batches (
  id INTEGER PRIMARY KEY,
  response_id INTEGER NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
  -- server receipt time - the browser's send time of the request that carried the events
  offset_ms INTEGER NOT NULL,
  received_at TEXT NOT NULL,
  -- JSON array of [event id "<tab>:<n>", type, target or null, client time]
  events TEXT NOT NULL
);
CREATE INDEX timing_batches_response ON timing_batches (response_id);

ALTER TABLE responses ADD COLUMN timing_event_count INTEGER NOT NULL DEFAULT 0;

INSERT INTO timing_batches (response_id, offset_ms, received_at, events)
  SELECT response_id, offset_ms, received_at, json_group_array(json_array(event_id, type, target, client_at))
  FROM (SELECT * FROM timing_events ORDER BY response_id, received_at, event_id)
  GROUP BY response_id, received_at, offset_ms;
UPDATE responses SET timing_event_count = (SELECT count(*) FROM timing_events t WHERE t.response_id = responses.id);
DROP TABLE timing_events;
