-- The number of timing events stored per response, kept by triggers, so that a save checks the
-- per-response cap (db/timing.ts) by reading one row instead of counting the response's events.
ALTER TABLE responses ADD COLUMN timing_event_count INTEGER NOT NULL DEFAULT 0;
UPDATE responses SET timing_event_count = (SELECT count(*) FROM timing_events t WHERE t.response_id = responses.id);
CREATE TRIGGER timing_events_counted AFTER INSERT ON timing_events BEGIN
  UPDATE responses SET timing_event_count = timing_event_count + 1 WHERE id = NEW.response_id;
END;
CREATE TRIGGER timing_events_uncounted AFTER DELETE ON timing_events BEGIN
  UPDATE responses SET timing_event_count = timing_event_count - 1 WHERE id = OLD.response_id;
END;
