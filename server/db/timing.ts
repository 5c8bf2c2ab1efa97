// Raw timing events per response (page shown/left, visibility, answer changes), stored per save request
// as it arrived (migration 007). Reading replays the batches in order and keeps each event id once, so a
// retried save never doubles an event; a response holds at most MAX_EVENTS.
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

type StoredEvent = [id: string, type: TimingEventType, target: string | null, clientAt: string];

export function timingRepo(db: Db) {
  // Counts what was sent, retries included: the cap errs on the side of storing less.
  const addCount = db.prepare<[number, number], number>(
    'UPDATE responses SET timing_event_count = timing_event_count + ? WHERE id = ? RETURNING timing_event_count',
  ).pluck();
  const insert = db.prepare<[number, number, string, string]>(
    'INSERT INTO timing_batches (response_id, offset_ms, received_at, events) VALUES (?, ?, ?, ?)',
  );
  const batches = db.prepare<[number], { offsetMs: number; receivedAt: string; events: string }>(
    'SELECT offset_ms AS offsetMs, received_at AS receivedAt, events FROM timing_batches WHERE response_id = ? ORDER BY id',
  );
  const batchesInRange = db.prepare<[number, number], { responseId: number; offsetMs: number; receivedAt: string; events: string }>(
    `SELECT response_id AS responseId, offset_ms AS offsetMs, received_at AS receivedAt, events FROM timing_batches
     WHERE response_id BETWEEN ? AND ? ORDER BY response_id, id`,
  );

  /** Replays batches of one response in arrival order, each event id once (its first arrival). */
  const replay = (list: Iterable<{ offsetMs: number; receivedAt: string; events: string }>): TimingEventRow[] => {
    const seen = new Set<string>();
    const out: TimingEventRow[] = [];
    for (const b of list) {
      for (const [eventId, type, target, clientAt] of JSON.parse(b.events) as StoredEvent[]) {
        if (seen.has(eventId)) continue;
        seen.add(eventId);
        out.push({ eventId, type, target, clientAt, offsetMs: b.offsetMs, receivedAt: b.receivedAt });
      }
    }
    return out;
  };

  /** Call inside the caller's transaction (the survey's writes store events with the answers). */
  const add = (responseId: number, events: TimingEventWrite[], offsetMs: number, receivedAt: string): number => {
    if (events.length === 0) return 0;
    const count = addCount.get(events.length, responseId);
    if (count === undefined) return 0;
    // A runaway client cannot fill the database: what is kept is the start.
    const over = Math.max(0, count - MAX_EVENTS_PER_RESPONSE);
    const kept = over > 0 ? events.slice(0, Math.max(0, events.length - over)) : events;
    if (over > 0) addCount.get(kept.length - events.length, responseId);
    if (kept.length === 0) return 0;
    const stored: StoredEvent[] = kept.map((e) => [e.id, e.type, e.target, e.clientAt]);
    insert.run(responseId, offsetMs, receivedAt, JSON.stringify(stored));
    return kept.length;
  };

  return {
    /** Stores the events of one save; returns how many were kept under the cap. */
    add: (responseId: number, events: TimingEventWrite[], offsetMs: number, receivedAt: string): number => add(responseId, events, offsetMs, receivedAt),
    /** The response's events in the order they arrived, each event id once (its first arrival). */
    events: (responseId: number): TimingEventRow[] => replay(batches.all(responseId)),
    /** The events of every response with an id in [from, to], as `events` gives them (a cleaning run reads in ranges). */
    eventsInRange(from: number, to: number): Map<number, TimingEventRow[]> {
      const per = new Map<number, { offsetMs: number; receivedAt: string; events: string }[]>();
      for (const b of batchesInRange.iterate(from, to)) {
        const list = per.get(b.responseId);
        if (list) list.push(b);
        else per.set(b.responseId, [b]);
      }
      return new Map([...per].map(([id, list]) => [id, replay(list)]));
    },
  };
}
export type TimingRepo = ReturnType<typeof timingRepo>;
