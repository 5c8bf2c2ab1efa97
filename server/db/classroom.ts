// Classroom sessions and what is counted in them: joins (random per-tab ids), login outcomes, and the
// responses that logged in through a session (members), with what the live view needs of each member.
import type { Db } from './database.ts';
import type { LoginOutcomeKind } from './login-outcomes.ts';

export interface ClassroomSessionRow {
  id: number;
  code: string;
  brin: string;
  institutionName: string;
  name: string;
  createdAt: string;
  expiresAt: string;
}

/** A member response as the live view starts from after a restart. */
export interface MemberRow {
  sessionId: number;
  responseId: number;
  status: 'in_progress' | 'completed';
  currentPage: string | null;
  questionnaireVersion: string;
  moduleVersion: string | null;
  /** 1 when the response has at least one stored answer. */
  answered: number;
}

const columns = `s.id, s.code, s.brin, i.name AS institutionName, s.name, s.created_at AS createdAt, s.expires_at AS expiresAt
  FROM classroom_sessions s JOIN institutions i ON i.brin = s.brin`;

export function classroomRepo(db: Db) {
  const insert = db.prepare<[string, string, string, number | null, string, string]>(
    'INSERT INTO classroom_sessions (code, brin, name, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const byId = db.prepare<[number], ClassroomSessionRow>(`SELECT ${columns} WHERE s.id = ?`);
  const byCode = db.prepare<[string], ClassroomSessionRow>(`SELECT ${columns} WHERE s.code = ?`);
  const listAll = db.prepare<[string, number], ClassroomSessionRow>(`SELECT ${columns} WHERE s.created_at >= ? ORDER BY s.created_at DESC, s.id DESC LIMIT ?`);
  const listBrin = db.prepare<[string, string, number], ClassroomSessionRow>(
    `SELECT ${columns} WHERE s.brin = ? AND s.created_at >= ? ORDER BY s.created_at DESC, s.id DESC LIMIT ?`,
  );
  const join = db.prepare<[number, string, string]>('INSERT OR IGNORE INTO classroom_joins (session_id, join_id, joined_at) VALUES (?, ?, ?)');
  const joins = db.prepare<[number], number>('SELECT count(*) FROM classroom_joins WHERE session_id = ?').pluck();
  const outcome = db.prepare<[number, LoginOutcomeKind]>(
    'INSERT INTO classroom_outcomes (session_id, outcome, n) VALUES (?, ?, 1) ON CONFLICT (session_id, outcome) DO UPDATE SET n = n + 1',
  );
  const outcomes = db.prepare<[number], { outcome: LoginOutcomeKind; n: number }>('SELECT outcome, n FROM classroom_outcomes WHERE session_id = ?');
  const addMember = db.prepare<[number, number, string]>('INSERT OR IGNORE INTO classroom_members (session_id, response_id, joined_at) VALUES (?, ?, ?)');
  const members = db.prepare<[number], MemberRow>(
    `SELECT m.session_id AS sessionId, r.id AS responseId, r.status, r.current_page AS currentPage,
       r.questionnaire_version AS questionnaireVersion, r.module_version AS moduleVersion,
       EXISTS (SELECT 1 FROM answers a WHERE a.response_id = r.id) AS answered
     FROM classroom_members m JOIN responses r ON r.id = m.response_id WHERE m.session_id = ?`,
  );
  // Each response counts in the live session it joined last.
  const liveMembers = db.prepare<[string], { responseId: number; sessionId: number }>(
    `SELECT m.response_id AS responseId, m.session_id AS sessionId FROM classroom_members m
     JOIN classroom_sessions s ON s.id = m.session_id WHERE s.expires_at > ? ORDER BY m.joined_at, m.session_id`,
  );

  return {
    /** Returns the new session's id; a taken code is a SQLite constraint error (the caller draws another). */
    create: (s: { code: string; brin: string; name: string; createdBy: number | null; createdAt: string; expiresAt: string }): number =>
      Number(insert.run(s.code, s.brin, s.name, s.createdBy, s.createdAt, s.expiresAt).lastInsertRowid),
    get: (id: number): ClassroomSessionRow | undefined => byId.get(id),
    byCode: (code: string): ClassroomSessionRow | undefined => byCode.get(code),
    /** Sessions created since `since`, newest first; of one institution when `brin` is given. */
    list: (since: string, brin: string | null, limit = 200): ClassroomSessionRow[] => (brin ? listBrin.all(brin, since, limit) : listAll.all(since, limit)),
    /** Whether this join id is new in the session. */
    join: (sessionId: number, joinId: string, at: string): boolean => join.run(sessionId, joinId, at).changes === 1,
    joins: (sessionId: number): number => joins.get(sessionId)!,
    recordOutcome: (sessionId: number, kind: LoginOutcomeKind): void => void outcome.run(sessionId, kind),
    outcomes: (sessionId: number) => outcomes.all(sessionId),
    addMember: (sessionId: number, responseId: number, at: string): void => void addMember.run(sessionId, responseId, at),
    members: (sessionId: number): MemberRow[] => members.all(sessionId),
    /** Which response counts in which session, for the sessions that have not expired at `now`. */
    liveMembers: (now: string) => liveMembers.all(now),
  };
}
export type ClassroomRepo = ReturnType<typeof classroomRepo>;
