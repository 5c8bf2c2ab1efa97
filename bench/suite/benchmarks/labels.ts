// Checking and importing the largest institution's label file, a 40,000-row xlsx (bench/labels.ts).
// Targets: under 5 s and 500 MB.
import { runBenchScript } from '../run-script.ts';
import { row, type Benchmark } from '../types.ts';

interface LabelsJson {
  rows: number;
  summary: { mode: string; medianMs: number; medianCpuMs: number; maxRssMb: number }[];
  accepted: boolean;
}

export const labelsBenchmark: Benchmark = {
  id: 'labels',
  title: 'label file import (xlsx), against exceljs reading the same workbook',
  seconds: { full: 90, quick: 15 },
  async run({ quick }) {
    const r = await runBenchScript<LabelsJson>({
      script: 'labels.ts',
      env: { BENCH_ROWS: quick ? '2000' : '40000', BENCH_RUNS: quick ? '1' : '3' },
      log: 'labels.log',
      json: 'labels.json',
    });
    const by = (mode: string) => r.summary.find((s) => s.mode === mode)!;
    const [read, dry, imp] = [by('read'), by('dry-run'), by('import')];
    const size = `${r.rows / 1000}k rows`;
    return [
      row(`label import, ${size} xlsx`, imp.medianMs / 1000, 's', { op: '<', value: 5 }, `CPU ${(imp.medianCpuMs / 1000).toFixed(1)} s; exceljs read alone ${(read.medianMs / 1000).toFixed(1)} s; ${r.accepted ? 'accepted' : 'REFUSED'}`),
      row(`label check only (--dry-run), ${size}`, dry.medianMs / 1000, 's', null),
      row('label import peak memory (RSS)', imp.maxRssMb, 'MB', { op: '<', value: 500 }),
    ];
  },
};
