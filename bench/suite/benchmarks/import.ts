// Importing a national DUO population file, first import and a replacing re-import (bench/import.ts).
// Targets: under 10 s and 1 GB on 2 cores.
import { runBenchScript } from '../run-script.ts';
import { row, type Benchmark } from '../types.ts';

interface ImportJson {
  rows: number;
  runs: { run: string; seconds: number; cpuSeconds: number; peakRssMb: number }[];
  targets: { seconds: number; peakRssMb: number };
}

export const importBenchmark: Benchmark = {
  id: 'import',
  title: 'population import (job-monitor import-population), first and replacing',
  seconds: { full: 90, quick: 8 },
  async run({ quick }) {
    const r = await runBenchScript<ImportJson>({ script: 'import.ts', args: ['--rows', quick ? '10000' : '600000'], log: 'import.log', json: 'import.json' });
    const size = `${r.rows / 1000}k rows`;
    const [first, again] = r.runs;
    return [
      row(`population import, ${size}`, first!.seconds, 's', { op: '<', value: r.targets.seconds }, `CPU ${first!.cpuSeconds} s`),
      row(`population re-import (replaces), ${size}`, again!.seconds, 's', { op: '<', value: r.targets.seconds }, `CPU ${again!.cpuSeconds} s`),
      row('population import peak memory (RSS)', Math.max(...r.runs.map((x) => x.peakRssMb)), 'MB', { op: '<', value: r.targets.peakRssMb }),
    ];
  },
};
