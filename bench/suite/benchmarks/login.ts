// Login throughput against an Express hello world in the same run, with a national-size population loaded
// (bench/login.ts). Targets as that script's: >= 0.5x, p99 < 50 ms.
import { runBenchScript } from '../run-script.ts';
import { row, type Benchmark } from '../types.ts';

interface LoginJson {
  population: number;
  ratio: number;
  ratios: number[];
  results: { hello: { rps: number }; login: { rps: number; p50: number; p99: number; non2xx: number; errors: number } };
  targets: { ratio: number; p99Ms: number };
}

export const loginBenchmark: Benchmark = {
  id: 'login',
  title: 'POST /api/login against an Express hello world, 50 connections',
  seconds: { full: 180, quick: 20 },
  async run({ quick }) {
    const r = await runBenchScript<LoginJson>({
      script: 'login.ts',
      args: quick ? ['--rows', '20000', '--duration', '2'] : ['--rows', '600000', '--duration', '10'],
      env: { BENCH_ROUNDS: quick ? '1' : '3' },
      log: 'login.log',
      json: 'login.json',
    });
    const { hello, login } = r.results;
    const population = `${r.population / 1000}k students`;
    return [
      row(`login throughput / hello world (${population})`, r.ratio, 'x', { op: '>=', value: r.targets.ratio }, `${login.rps} vs ${hello.rps} req/s; rounds ${r.ratios.join(', ')}`),
      row('login p99 latency', login.p99, 'ms', { op: '<', value: r.targets.p99Ms }, `p50 ${login.p50} ms`),
      row('login failed requests', login.non2xx + login.errors, 'count', { op: '<=', value: 0 }),
    ];
  },
};
