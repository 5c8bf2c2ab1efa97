// The reporting benchmarks' database, generated in SQL: 600,000 students in 300 institutions (one of 20,000),
// a label file for every institution (about 3% zonder label, 1% bedrijfsgroep, a few rows without a student),
// and 250,000 responses over 10 weeks, 70% completed, with answers and timing copied from 32 respondent
// profiles (filled in by the demo's answer generator: normal, too fast, straight lines, hardly answered). All at
// `scale` (1 = the sizes above). Pseudonyms are random bytes: nothing here needs the secret.
import { createRepos, openDatabase, type Db } from '../server/db/index.ts';
import { loadQuestionnaires } from '../questionnaire/index.ts';
import { rng } from '../server/demo/demo-data.ts';
import { fillIn, type Behaviour } from '../server/demo/demo-answers.ts';

export const BIG_BRIN = '10AA';
const INSTITUTIONS = 300;
const PROFILES = 16;

export interface GeneratedSizes {
  students: number;
  bigInstitution: number;
  responses: number;
  completed: number;
  answers: number;
}

/** Institution i (0 is the big one, 10AA): BRIN `<10 + i % 90><letter by i / 90>A`. */
const brinSql = (i: string) => `printf('%02d', 10 + (${i}) % 90) || char(65 + (${i}) / 90) || 'A'`;

export function generateReportingDb(file: string, scale = 1, log: (line: string) => void = () => undefined): GeneratedSizes {
  const db = openDatabase(file);
  const students = Math.round(600_000 * scale);
  const big = Math.round(20_000 * scale);
  const perOther = Math.floor((students - big) / (INSTITUTIONS - 1));
  const step = (what: string, sql: string, params: Record<string, number | string> = {}) => {
    const t = performance.now();
    db.prepare(sql).run(params);
    log(`  ${what}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  };
  db.pragma('synchronous = OFF');
  db.exec('BEGIN');
  // The big institution is number 0; every other one holds `perOther` students.
  step('institutions', `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${INSTITUTIONS - 1})
    INSERT INTO institutions (brin, name) SELECT ${brinSql('i')}, 'Instelling ' || i FROM n`);
  db.exec("INSERT INTO population_sets (id, peildatum, status, created_at, students) VALUES (1, '2023-12-01', 'ready', '2023-12-15T00:00:00Z', 0)");
  step('population', `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < @students - 1),
    s(i, inst) AS (SELECT i, CASE WHEN i < @big THEN 0 ELSE 1 + min(${INSTITUTIONS - 2}, (i - @big) / @perOther) END FROM n)
    INSERT INTO population (set_id, peildatum, brin, pgn_key, crebo, leerweg, niveau, geslacht)
    SELECT 1, '2023-12-01', ${brinSql('inst')}, randomblob(32), printf('2%04d', 5000 + i % 40), CASE WHEN i % 4 = 0 THEN 'BBL' ELSE 'BOL' END,
      1 + i % 4, CASE i % 3 WHEN 0 THEN 'M' WHEN 1 THEN 'V' ELSE 'X' END FROM s`, { students, big, perOther });
  db.exec(`UPDATE population_sets SET students = ${students}`);
  step('label files', `INSERT INTO label_files (brin, file_name, file_date, received_at, row_count, status)
    SELECT brin, brin || '_Jobmonitor_20231215.xlsx', '20231215', '2023-12-15T00:00:00Z', 0, 'ready' FROM institutions`);
  // Labels by the student's place in the school: location (3) > unit (4) > class (~30 students); teams for analysis.
  step('labels', `INSERT INTO labels (label_file_id, pgn_key, bedrijfsgroep, respons_1, respons_2, respons_3, analyse_1, analyse_2, analyse_3)
    SELECT f.id, p.pgn_key, CASE WHEN p.id % 100 = 7 THEN 'Bedrijfsopleiding' END,
      CASE WHEN p.id % 100 <> 7 THEN 'Locatie ' || (p.id % 3) END, CASE WHEN p.id % 100 <> 7 THEN 'Unit ' || (p.id / 3 % 4) END,
      CASE WHEN p.id % 100 <> 7 THEN 'Klas ' || (p.id / 12 % 30) END,
      CASE WHEN p.id % 100 <> 7 THEN 'Locatie ' || (p.id % 3) END, CASE WHEN p.id % 100 <> 7 THEN 'Sector ' || (p.id / 3 % 4) END,
      CASE WHEN p.id % 100 <> 7 THEN 'Team ' || (p.id / 12 % 8) END
    FROM population p JOIN label_files f ON f.brin = p.brin WHERE p.id % 33 <> 0 ORDER BY f.id, p.pgn_key`);
  step('label rows without a student', `INSERT INTO labels (label_file_id, pgn_key, respons_1, analyse_1)
    SELECT id, randomblob(32), 'Locatie 0', 'Locatie 0' FROM label_files, (SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3)`);
  db.exec('UPDATE label_files SET row_count = (SELECT count(*) FROM labels l WHERE l.label_file_id = label_files.id)');

  // 250,000 of 600,000 respond (5 in 12), over 10 weeks from 8 January 2024; 70% complete within the lesson.
  step('responses', `INSERT INTO responses (brin, pgn_key, questionnaire_version, status, started_at, updated_at, completed_at, crebo, leerweg, niveau, geslacht,
      label_file_id, bedrijfsgroep, respons_1, respons_2, respons_3, analyse_1, analyse_2, analyse_3)
    SELECT p.brin, p.pgn_key, CASE WHEN t.day < 35 THEN '2024-1' ELSE '2024-2' END, CASE WHEN p.id % 10 < 7 THEN 'completed' ELSE 'in_progress' END,
      strftime('%Y-%m-%dT%H:%M:%fZ', '2024-01-08T07:00:00Z', '+' || t.day || ' days', '+' || t.minute || ' minutes'),
      strftime('%Y-%m-%dT%H:%M:%fZ', '2024-01-08T07:20:00Z', '+' || t.day || ' days', '+' || t.minute || ' minutes'),
      CASE WHEN p.id % 10 < 7 THEN strftime('%Y-%m-%dT%H:%M:%fZ', '2024-01-08T07:20:00Z', '+' || t.day || ' days', '+' || t.minute || ' minutes') END,
      p.crebo, p.leerweg, p.niveau, p.geslacht, f.id, l.bedrijfsgroep, l.respons_1, l.respons_2, l.respons_3, l.analyse_1, l.analyse_2, l.analyse_3
    FROM population p
    JOIN (SELECT id, (id / 12 * 7919) % 70 AS day, (id / 12 * 131) % 420 AS minute FROM population) t ON t.id = p.id
    JOIN label_files f ON f.brin = p.brin
    LEFT JOIN labels l ON l.label_file_id = f.id AND l.pgn_key = p.pgn_key
    WHERE p.id % 12 < 5 ORDER BY p.id`);

  profiles(db);
  // Every response gets the answers of a profile of its leerweg; one in progress only its first eight.
  step('answers', `INSERT INTO answers (response_id, question_id, value, seq, received_at)
    SELECT r.id, a.question_id, a.value, a.seq, r.updated_at FROM responses r
    JOIN bench_profile_answers a ON a.profile = r.id % ${PROFILES} + (r.leerweg = 'BBL') * ${PROFILES}
    WHERE r.status = 'completed' OR a.seq <= 8 ORDER BY r.id, a.question_id`);
  step('timing', `INSERT INTO timing_batches (response_id, offset_ms, received_at, events)
    SELECT r.id, 0, r.updated_at, e.events FROM responses r JOIN bench_profile_events e ON e.profile = r.id % ${PROFILES} + (r.leerweg = 'BBL') * ${PROFILES}
    WHERE r.status = 'completed' ORDER BY r.id`);
  step('login outcomes', `INSERT INTO login_outcomes (brin, day, outcome, n)
    SELECT brin, date(started_at), 'success', count(*) FROM responses GROUP BY brin, date(started_at)`);
  db.exec('DROP TABLE bench_profile_answers; DROP TABLE bench_profile_events; COMMIT');
  db.pragma('synchronous = NORMAL');
  step('analyze', 'ANALYZE');
  const count = (sql: string) => db.prepare(sql).pluck().get() as number;
  const sizes = {
    students: count('SELECT count(*) FROM population'),
    bigInstitution: count(`SELECT count(*) FROM population WHERE brin = '${BIG_BRIN}'`),
    responses: count('SELECT count(*) FROM responses'),
    completed: count("SELECT count(*) FROM responses WHERE status = 'completed'"),
    answers: count('SELECT count(*) FROM answers'),
  };
  createRepos(db); // the statements prepare against the schema: a last check that it is whole
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return sizes;
}

/** 16 respondent profiles per leerweg, filled in by the demo's generator, as answer rows and one timing batch each. */
function profiles(db: Db): void {
  db.exec(`CREATE TEMP TABLE bench_profile_answers (profile INTEGER, question_id TEXT, value TEXT, seq INTEGER);
    CREATE TEMP TABLE bench_profile_events (profile INTEGER, events TEXT);`);
  const def = loadQuestionnaires().get('2024-1')!;
  const rand = rng(2024);
  const addAnswer = db.prepare('INSERT INTO bench_profile_answers VALUES (?, ?, ?, ?)');
  const addEvents = db.prepare('INSERT INTO bench_profile_events VALUES (?, ?)');
  for (let p = 0; p < 2 * PROFILES; p++) {
    const k = p % PROFILES;
    const behaviour: Behaviour = k === 0 ? 'too_fast' : k === 1 ? 'straight' : k === 2 ? 'sparse' : 'normal';
    const pages = fillIn(def, { leerweg: p < PROFILES ? 'BOL' : 'BBL', niveau: 1 + (k % 4) }, rand, behaviour, 2.5 + rand() * 2);
    let seq = 0;
    let t = Date.parse('2024-01-08T07:00:00Z');
    const events: [string, string, string, string][] = [];
    let n = 0;
    for (const page of pages) {
      events.push([`b:${++n}`, 'page_shown', page.pageId, new Date(t).toISOString()]);
      t += page.seconds * 1000;
      events.push([`b:${++n}`, 'page_left', page.pageId, new Date(t).toISOString()]);
      for (const a of page.answers) addAnswer.run(p, a.questionId, JSON.stringify(a.value), ++seq);
    }
    addEvents.run(p, JSON.stringify(events));
  }
}
