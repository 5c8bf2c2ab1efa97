// Migration 007 moves stored per-event timing rows into per-request batches: nothing is lost, the counts
// match, and the events read back as before.
import { afterEach, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from '../../server/db/database.ts';
import { createRepos } from '../../server/db/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'jm-mig-'));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('converts the timing events of existing responses', () => {
  const db = new Database(join(dir, 'x.sqlite'));
  const migrations = join(import.meta.dirname, '../../server/db/migrations');
  db.exec('CREATE TABLE schema_migrations (version TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
  for (const f of readdirSync(migrations).filter((f) => f < '007').sort()) {
    db.exec(readFileSync(join(migrations, f), 'utf8'));
    db.prepare('INSERT INTO schema_migrations VALUES (?, ?)').run(f, 'then');
  }
  db.exec("INSERT INTO institutions (brin, name) VALUES ('25PZ', 'ROC')");
  const response = () =>
    Number(db.prepare(`INSERT INTO responses (brin, pgn_key, questionnaire_version, started_at, updated_at, crebo, leerweg, niveau)
      VALUES ('25PZ', randomblob(32), '2024-1', 'x', 'x', '25655', 'BOL', 4)`).run().lastInsertRowid);
  const [a, b] = [response(), response()];
  const event = db.prepare('INSERT INTO timing_events VALUES (?, ?, ?, ?, ?, ?, ?)');
  event.run(a, 't:1', 'page_shown', 'p1', '2024-01-20T09:00:00Z', 3_600_000, '2024-01-20T10:00:05Z');
  event.run(a, 't:2', 'hidden', null, '2024-01-20T09:00:04Z', 3_600_000, '2024-01-20T10:00:05Z');
  event.run(a, 't:3', 'visible', null, '2024-01-20T09:01:00Z', 3_599_000, '2024-01-20T10:01:05Z');
  event.run(b, 'u:1', 'answer', 'q1', '2024-01-20T09:00:00Z', 0, '2024-01-20T09:00:01Z');

  expect(migrate(db)).toContain('007-timing-batches.sql');
  const timing = createRepos(db).timing;
  expect(timing.events(a)).toEqual([
    { eventId: 't:1', type: 'page_shown', target: 'p1', clientAt: '2024-01-20T09:00:00Z', offsetMs: 3_600_000, receivedAt: '2024-01-20T10:00:05Z' },
    { eventId: 't:2', type: 'hidden', target: null, clientAt: '2024-01-20T09:00:04Z', offsetMs: 3_600_000, receivedAt: '2024-01-20T10:00:05Z' },
    { eventId: 't:3', type: 'visible', target: null, clientAt: '2024-01-20T09:01:00Z', offsetMs: 3_599_000, receivedAt: '2024-01-20T10:01:05Z' },
  ]);
  expect(timing.events(b).map((e) => e.eventId)).toEqual(['u:1']);
  expect(db.prepare('SELECT id, timing_event_count AS n FROM responses ORDER BY id').all()).toEqual([{ id: a, n: 3 }, { id: b, n: 1 }]);
  expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'timing_events'").pluck().get()).toBe(0);
  db.close();
});
