// The reporting service at national scale (bench/reporting.ts on a generated database of 600,000 students and
// 250,000 responses): the national response overview, the largest institution's label tree, a cleaning run, that
// institution's results and the national export, with the targets that script judges them by. The quick run
// uses a database of 2% of that size: it proves the script runs, its figures are not evidence.
import { runBenchScript } from '../run-script.ts';
import type { Benchmark, BenchRow } from '../types.ts';

interface ReportingJson {
  scale: number;
  rows: Omit<BenchRow, 'benchmark'>[];
}

export const reportingBenchmark: Benchmark = {
  id: 'reporting',
  title: 'response overview, cleaning, results and export at national scale',
  seconds: { full: 420, quick: 10 },
  async run({ quick }) {
    const r = await runBenchScript<ReportingJson>({
      script: 'reporting.ts',
      args: quick ? ['--scale', '0.02', '--rounds', '1'] : [],
      log: 'reporting.log',
      json: 'reporting.json',
    });
    const scale = r.scale === 1 ? '' : ` (scale ${r.scale})`;
    return r.rows.map((x) => ({ ...x, name: `${x.name}${scale}` }));
  },
};
