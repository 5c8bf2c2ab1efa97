// Answer-save throughput against an Express hello world in the same run (bench/save.ts).
// Targets as that script's: >= 0.6x, p99 < 50 ms.
import { runBenchScript } from '../run-script.ts';
import { row, type Benchmark } from '../types.ts';

interface SaveJson {
  medianRatio: number;
  medianSaveP99: number;
  ratios: number[];
  rows: { name: string; 'req/s': number; 'p50 ms': number; 'non-2xx': number; errors: number }[];
}

export const saveBenchmark: Benchmark = {
  id: 'save',
  title: 'PUT /api/survey/answers against an Express hello world, 50 connections',
  seconds: { full: 45, quick: 15 },
  async run({ quick }) {
    const r = await runBenchScript<SaveJson>({
      script: 'save.ts',
      env: quick ? { BENCH_SECONDS: '2', BENCH_ROUNDS: '1' } : { BENCH_SECONDS: '5', BENCH_ROUNDS: '3' },
      log: 'save.log',
      json: 'save.json',
    });
    const saves = r.rows.filter((x) => x.name.endsWith('answer save'));
    const failed = saves.reduce((n, x) => n + x['non-2xx'] + x.errors, 0);
    const rates = saves.map((x) => x['req/s']).join(', ');
    return [
      row('answer-save throughput / hello world', Math.round(r.medianRatio * 100) / 100, 'x', { op: '>=', value: 0.6 }, `saves/s per round ${rates}; ratios ${r.ratios.map((x) => x.toFixed(2)).join(', ')}`),
      row('answer-save p99 latency', r.medianSaveP99, 'ms', { op: '<', value: 50 }),
      row('answer-save failed requests', failed, 'count', { op: '<=', value: 0 }),
    ];
  },
};
