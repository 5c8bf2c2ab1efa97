// Reporting benchmark on a generated database (bench/reporting-db.ts: 600,000 students, 300 label files, 250,000
// responses over 10 weeks): the national response overview (< 1 s), the 20,000-student institution with its label
// tree (< 200 ms), a full cleaning run (< 60 s), that institution's full results (< 2 s) and the national export
// (< 30 s), each beside a baseline measured in the same run (a count over the responses' index); and what the reporting
// indexes cost an answer save (saves with and without them, alternating). Prints a table, writes
// bench/results/reporting.json (rows of figure, unit, target, pass).
// Usage: npm run bench:reporting -- [--scale 1] [--db FILE (reused when it exists)] [--rounds 3]
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createRepos, openDatabase } from '../server/db/index.ts';
import { loadQuestionnaires } from '../questionnaire/index.ts';
import { loadCleaningRules } from '../questionnaire/cleaning/index.ts';
import { createDefinitions } from '../server/services/survey/definitions.ts';
import { createReportingService } from '../server/services/reporting/reporting-service.ts';
import { BIG_BRIN, generateReportingDb } from './reporting-db.ts';

const { values } = parseArgs({ options: { scale: { type: 'string', default: '1' }, db: { type: 'string' }, rounds: { type: 'string', default: '3' } } });
const scale = Number(values.scale);
const rounds = Number(values.rounds);
const tmp = values.db ? null : mkdtempSync(join(tmpdir(), 'jm-bench-reporting-'));
const file = values.db ?? join(tmp!, 'job-monitor.sqlite');

interface Row {
  name: string;
  figure: number;
  unit: string;
  target: { op: '<' | '<=' | '>' | '>='; value: number } | null;
  pass: boolean | null;
  note?: string;
}
const rows: Row[] = [];
const row = (name: string, figure: number, unit: string, target: Row['target'], note?: string) =>
  rows.push({ name, figure: Math.round(figure * 100) / 100, unit, target, pass: target ? (target.op === '<' ? figure < target.value : target.op === '<=' ? figure <= target.value : target.op === '>' ? figure > target.value : figure >= target.value) : null, ...(note ? { note } : {}) });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const time = (f: () => unknown) => {
  const t = performance.now();
  f();
  return performance.now() - t;
};
const log = (line: string) => console.log(line);

try {
  if (!existsSync(file)) {
    log(`generating the database at scale ${scale} ...`);
    const t = performance.now();
    const sizes = generateReportingDb(file, scale, log);
    log(`generated in ${((performance.now() - t) / 1000).toFixed(1)} s: ${JSON.stringify(sizes)}`);
  }
  const db = openDatabase(file);
  const repos = createRepos(db);
  const questionnaires = loadQuestionnaires();
  const service = () => createReportingService({ repos, definitions: createDefinitions(repos, questionnaires), questionnaires, cleaningRules: loadCleaningRules(), now: () => new Date() });
  const reporting = service();
  // A scan of every response's index entry: the work any national figure starts from.
  const count = db.prepare("SELECT count(*) FROM responses WHERE completed_at IS NOT NULL").pluck();
  const baseline = median(Array.from({ length: 5 }, () => time(() => count.get())));
  const vs = (ms: number) => `${(ms / baseline).toFixed(1)}x the baseline (${baseline.toFixed(1)} ms)`;
  row('baseline: count of the completed responses', baseline, 'ms', null, `${count.get()} completed`);

  reporting.nationalOverview();
  const national = median(Array.from({ length: rounds }, () => time(() => reporting.nationalOverview())));
  row('national response overview', national, 'ms', { op: '<', value: 1000 }, vs(national));
  const big = median(Array.from({ length: rounds + 2 }, () => time(() => reporting.institutionOverview(BIG_BRIN))));
  row(`institution overview with its label tree (${BIG_BRIN}, ${repos.population.countCurrentByBrin(BIG_BRIN)} students)`, big, 'ms', { op: '<', value: 200 }, vs(big));

  let cleaning = 0;
  const run = await (async () => {
    const t = performance.now();
    const r = await reporting.runCleaning(1, () => Promise.resolve());
    cleaning = performance.now() - t;
    return r;
  })();
  row(`full cleaning run (${run.counts.judged} completed responses, ${run.counts.excluded} excluded)`, cleaning / 1000, 's', { op: '<', value: 60 }, vs(cleaning));

  // A fresh service each time: the national tallies are read again, as by a worker that just started.
  const results = median(Array.from({ length: rounds }, () => time(() => service().institutionResults(BIG_BRIN, 'analyselabel3'))));
  const rowsOf = reporting.institutionResults(BIG_BRIN, 'analyselabel3');
  row(`institution results by analysis label 3 (${rowsOf.rows.length} rows x ${rowsOf.groups.length} groups)`, results, 'ms', { op: '<', value: 2000 }, vs(results));

  const out = mkdtempSync(join(tmpdir(), 'jm-bench-export-'));
  let exported = 0;
  const exportTime = time(() => (exported = reporting.writeExport('national', out).rows));
  rmSync(out, { recursive: true, force: true });
  row(`national export (${exported} rows, data + codebook + .sps)`, exportTime / 1000, 's', { op: '<', value: 30 }, vs(exportTime));

  // What the reporting indexes cost an answer save: the survey's write (session touch aside) with and without them.
  const open = db.prepare("SELECT id FROM responses WHERE status = 'in_progress' ORDER BY id LIMIT 2000").pluck().all() as number[];
  let seq = 1_000_000;
  const saves = (n: number) => {
    const t = performance.now();
    for (let i = 0; i < n; i++) {
      const id = open[i % open.length]!;
      const now = new Date().toISOString();
      repos.transaction(() => {
        repos.responses.saveAnswers(id, [{ questionId: 'opleiding_aanraden', value: 'ja', seq: ++seq, changedAt: now }, { questionId: 'leerjaar', value: 'j2', seq: ++seq, changedAt: now }], now);
        repos.timing.add(id, [{ id: `bench:${seq}`, type: 'answer', target: 'leerjaar', clientAt: now }], 0, now);
      });
    }
    return ((performance.now() - t) * 1000) / n;
  };
  const without = () => db.exec('DROP INDEX responses_overview; DROP INDEX labels_bedrijfsgroep; CREATE INDEX responses_brin_status ON responses (brin, status);');
  const restore = () => db.exec(`DROP INDEX responses_brin_status; CREATE INDEX responses_overview ON responses (brin, status, bedrijfsgroep, completed_at);
    CREATE INDEX labels_bedrijfsgroep ON labels (label_file_id, pgn_key) WHERE bedrijfsgroep IS NOT NULL;`);
  saves(500);
  const withIdx: number[] = [];
  const withoutIdx: number[] = [];
  for (let r = 0; r < rounds; r++) {
    withIdx.push(saves(3000));
    without();
    withoutIdx.push(saves(3000));
    restore();
  }
  const [a, b] = [median(withIdx), median(withoutIdx)];
  row('answer save with the reporting indexes / without (responses_overview instead of (brin, status), labels_bedrijfsgroep)', a / b, 'x', null, `${a.toFixed(0)} us vs ${b.toFixed(0)} us per save`);
  db.close();
} finally {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}

const widths = [Math.max(...rows.map((r) => r.name.length)), 10, 12, 6];
console.log(`\nreporting benchmark, scale ${scale}, ${cpus().length} cores, load ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
for (const r of rows) {
  const target = r.target ? `${r.target.op} ${r.target.value}` : '';
  const pass = r.pass === null ? '' : r.pass ? 'pass' : 'FAIL';
  console.log(`${r.name.padEnd(widths[0]!)}  ${String(r.figure).padStart(widths[1]!)} ${r.unit.padEnd(3)}  ${target.padStart(widths[2]!)}  ${pass.padEnd(widths[3]!)}  ${r.note ?? ''}`);
}
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/reporting.json', JSON.stringify({ benchmark: 'reporting', scale, at: new Date().toISOString(), rows }, null, 2) + '\n');
if (rows.some((r) => r.pass === false)) process.exitCode = 1;
