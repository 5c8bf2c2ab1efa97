// The live classroom view's fan-out (bench/classroom-live.ts): the extra server CPU per answer save while 200 live
// views follow 200 classroom sessions of 30 students. Target: under 10%.
import { runBenchScript } from '../run-script.ts';
import { row, type Benchmark } from '../types.ts';

interface LiveJson {
  views: number;
  sessions: number;
  students: number;
  median: number;
  extraCpuPerSave: number[];
  snapshotWorkPerSave: number[];
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export const liveViewBenchmark: Benchmark = {
  id: 'live-view',
  title: 'live classroom views: extra server CPU per answer save',
  seconds: { full: 150, quick: 10 },
  async run({ quick }) {
    const r = await runBenchScript<LiveJson>({
      script: 'classroom-live.ts',
      env: quick ? { BENCH_STUDENTS: '300', BENCH_ROUNDS: '1', BENCH_SECONDS: '1' } : {},
      log: 'classroom-live.log',
      json: 'classroom-live.json',
    });
    return [
      row(`extra CPU per save, ${Math.min(r.views, r.sessions)} live views over ${r.students} students`, Math.round(r.median * 1000) / 10, '%', { op: '<', value: 10 }, `rounds: ${r.extraCpuPerSave.map(pct).join(', ')}`),
      row('snapshot work per save (timed in the server)', Math.round(median(r.snapshotWorkPerSave) * 1000) / 10, '%', null, 'the part of the extra CPU the views cause directly; the rest is noise between rounds'),
    ];
  },
};
