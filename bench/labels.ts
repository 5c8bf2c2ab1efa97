// Benchmark: a 40,000-row label file (the largest institutions) checked and imported, against a population of
// 40,500 and 20,000 started responses to re-tag. Each run is its own process (time + peak RSS); the baseline is
// exceljs loading the same workbook in the same run. Target: < 5 s and < 500 MB on 2 cores.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRepos, openDatabase } from '../server/db/index.ts';
import { createKeyer } from '../server/services/common/keys.ts';
import { makeBsn } from '../server/services/population/pgn.ts';
import { replacePopulation, type PopulationRecord } from '../server/services/population/records.ts';
import { HEADER, labelRow, writeXlsxStream } from '../test/support/label-files.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 40_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const BRIN = '25PZ';
const dir = mkdtempSync(join(tmpdir(), 'jm-bench-labels-'));
const secret = randomBytes(32);

try {
  const population: PopulationRecord[] = Array.from({ length: ROWS + 500 }, (_, i) => ({
    pgn: makeBsn(200_000_000 + i * 20), brin: BRIN, instellingsnaam: 'ROC Groot', crebo: '25655', leerweg: i % 3 ? 'BOL' : 'BBL',
    niveau: 1 + (i % 4), geslacht: null, achternaam: `Student${i}`, tussenvoegsel: '', voorletters: 'A', geboortedatum: '2005-01-01',
  }));
  const dbFile = join(dir, 'job-monitor.sqlite');
  const db = openDatabase(dbFile);
  const repos = createRepos(db);
  const keyer = createKeyer(secret);
  replacePopulation(repos, keyer, '2023-12-01', population);
  db.transaction(() => {
    for (const s of population.slice(0, 20_000)) {
      repos.responses.create({ brin: BRIN, pgnKey: keyer.pgn(s.pgn), questionnaireVersion: '2024-1', crebo: s.crebo, leerweg: s.leerweg,
        niveau: s.niveau, geslacht: null, labelFileId: null, labels: null, now: new Date().toISOString() });
    }
  })();
  db.close();

  const file = join(dir, `${BRIN}_Jobmonitor_20231115.xlsx`);
  await writeXlsxStream(file, (function* () {
    yield HEADER;
    for (let i = 0; i < ROWS; i++) {
      const s = population[i]!;
      yield i % 50 === 0
        ? labelRow({ pgn: s.pgn, instelling: 'ROC Groot', bedrijfsgroep: 'Bedrijfsopleiding' })
        : labelRow({ pgn: s.pgn, instelling: 'ROC Groot', respons: [`Locatie ${i % 6}`, `Unit ${i % 40}`, `Klas ${i % 1500}`], analyse: [`Locatie ${i % 6}`, `Branche ${i % 12}`, `Team ${i % 200}`] });
    }
  })());

  const measure = (mode: string) => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'labels-run.ts'), mode, file, dbFile, secret.toString('hex')], { encoding: 'utf8' });
    return JSON.parse(out.trim().split('\n').pop()!) as { mode: string; ms: number; cpuMs: number; maxRssMb: number; detail: Record<string, unknown> };
  };
  const results: ReturnType<typeof measure>[] = [];
  for (let run = 0; run < RUNS; run++) for (const mode of ['read', 'dry-run', 'import']) results.push(measure(mode));
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const summary = ['read', 'dry-run', 'import'].map((mode) => {
    const rs = results.filter((r) => r.mode === mode);
    return {
      mode,
      medianMs: Math.round(median(rs.map((r) => r.ms))),
      medianCpuMs: Math.round(median(rs.map((r) => r.cpuMs))),
      maxRssMb: Math.round(Math.max(...rs.map((r) => r.maxRssMb))),
    };
  });
  const base = summary[0]!.medianMs;
  const lastImport = results.filter((r) => r.mode === 'import').at(-1)!;
  console.log(`label import, ${ROWS} rows, ${(statSync(file).size / 1024 / 1024).toFixed(1)} MB xlsx, ${cpus().length} cores, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}, ${RUNS} runs`);
  console.log('mode        wall ms   x baseline   CPU ms   peak RSS MB');
  for (const s of summary) {
    console.log(
      `${s.mode.padEnd(10)}  ${String(s.medianMs).padStart(7)}   ${(s.medianMs / base).toFixed(2).padStart(10)}   ${String(s.medianCpuMs).padStart(6)}   ${String(s.maxRssMb).padStart(11)}`,
    );
  }
  const imp = summary[2]!;
  console.log(`import accepted: ${String(lastImport.detail.accepted)}; phases (ms) of the last import: ${JSON.stringify(lastImport.detail.timingsMs)}`);
  console.log(`target < 5000 ms and < 500 MB: wall ${imp.medianMs < 5000 ? 'met' : 'NOT met'}, CPU ${imp.medianCpuMs < 5000 ? 'met' : 'NOT met'}, memory ${imp.maxRssMb < 500 ? 'met' : 'NOT met'} (wall time depends on the load above)`);
  console.log(`counts of the first import: ${JSON.stringify(results.find((r) => r.mode === 'import')!.detail.counts)}`);
  const resultsDir = join(import.meta.dirname, 'results');
  mkdirSync(resultsDir, { recursive: true });
  const out = join(resultsDir, 'labels.json');
  const accepted = lastImport.detail.accepted === true;
  writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), rows: ROWS, cores: cpus().length, loadavg: loadavg(), summary, accepted, results }, null, 2) + '\n');
  console.log(`written: ${out}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
