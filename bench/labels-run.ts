// One measured run for bench/labels.ts, in its own process so its peak memory is its own:
// `import` and `dry-run` run the label import; `read` only loads the workbook with exceljs (the baseline).
import ExcelJS from 'exceljs';
import { createRepos, openDatabase } from '../server/db/index.ts';
import { createKeyer } from '../server/services/common/keys.ts';
import { importLabelFile } from '../server/services/labels/import.ts';

const [mode, file, dbFile, secretHex] = process.argv.slice(2) as [string, string, string, string];
const start = performance.now();
const cpuStart = process.cpuUsage();
let detail: Record<string, unknown> = {};
if (mode === 'read') {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  detail = { rows: wb.worksheets[0]?.actualRowCount };
} else {
  const db = openDatabase(dbFile);
  const report = await importLabelFile({ repos: createRepos(db), keyer: createKeyer(Buffer.from(secretHex, 'hex')) }, { path: file, dryRun: mode === 'dry-run' });
  db.close();
  detail = { accepted: report.accepted, counts: report.counts, timingsMs: report.timingsMs };
}
const ms = performance.now() - start;
// CPU time (user + system) says what the run costs when the machine is shared; wall time is what a user waits.
const cpu = process.cpuUsage(cpuStart);
const cpuMs = (cpu.user + cpu.system) / 1000;
process.stdout.write(JSON.stringify({ mode, ms, cpuMs, maxRssMb: process.resourceUsage().maxRSS / 1024, detail }) + '\n');
