// Raw timing events per response (page shown/left, visibility, answer changes). Inserting an event id
// twice is a no-op, so a retried save never doubles an event; a response holds at most MAX_EVENTS.
import type { Db } from './database.ts';

export const MAX_EVENTS_PER_RESPONSE = 5000;

export type TimingEventType = 'page_shown' | 'page_left' | 'hidden' | 'visible' | 'answer';

export interface TimingEventWrite {
  id: string;
  type: TimingEventType;
  target: string | null;
  clientAt: string;
}

export interface TimingEventRow {
  eventId: string;
  type: TimingEventType;
  target: string | null;
  clientAt: string;
  offsetMs: number;
  receivedAt: string;
}

export function timingRepo(db: Db) {
  // Kept by triggers (migration 007): one row read instead of counting the response's events.
  const count = db.prepare<[number], number>('SELECT timing_event_count FROM responses WHERE id = ?').pluck();
  const insert = db.prepare(
    `INSERT OR IGNORE INTO timing_events (response_id, event_id, type, target, client_at, offset_ms, received_at)
     VALUES (@responseId, @id, @type, @target, @clientAt, @offsetMs, @receivedAt)`,
  );
  const all = db.prepare<[number], TimingEventRow>(
    `SELECT event_id AS eventId, type, target, client_at AS clientAt, offset_ms AS offsetMs, received_at AS receivedAt
     FROM timing_events WHERE response_id = ?`,
  );

  /** Call inside the caller's transaction (the survey service stores events with the answers). */
  const add = (responseId: number, events: TimingEventWrite[], offsetMs: number, receivedAt: string): number => {
    let room = MAX_EVENTS_PER_RESPONSE - (count.get(responseId) ?? 0);
    let added = 0;
    for (const e of events) {
      if (room <= 0) break; // a runaway client cannot fill the database; what is kept is the start
      const changes = insert.run({ responseId, id: e.id, type: e.type, target: e.target, clientAt: e.clientAt, offsetMs, receivedAt }).changes;
      added += changes;
      room -= changes;
    }
    return added;
  };

  return {
    add: (responseId: number, events: TimingEventWrite[], offsetMs: number, receivedAt: string): number => add(responseId, events, offsetMs, receivedAt),
    events: (responseId: number): TimingEventRow[] => all.all(responseId),
  };
}
export type TimingRepo = ReturnType<typeof timingRepo>;
