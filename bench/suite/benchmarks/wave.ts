// The classroom wave (bench/wave.ts): classes of 30 answering the whole questionnaire against a real server.
// Targets: every student completes and is recorded, no errors, answer saves and page changes p99 < 50 ms, other
// API requests p99 < 100 ms, the server keeps at most 20% more private memory after the wave than before it.
import { runBenchScript } from '../run-script.ts';
import { row, type Benchmark } from '../types.ts';
import type { WaveReport } from '../../wave-run.ts';

const P99_MS: Record<string, number> = { save: 50, page: 50, login: 100, survey: 100, submit: 100, institutions: 100 };

export const waveBenchmark: Benchmark = {
  id: 'wave',
  title: 'classroom wave: 2,000 students in classes of 30 against job-monitor serve',
  seconds: { full: 600, quick: 35 },
  async run({ quick }) {
    const r = await runBenchScript<WaveReport>({ script: 'wave.ts', args: quick ? ['--quick'] : [], log: 'wave.log', json: 'wave.json' });
    const { students: st, server, saves, realTime } = r;
    const m = server.memory;
    return [
      row(`wave: students completed (of ${st.measured}, ${st.classes} classes)`, st.completed, 'count', { op: '>=', value: st.measured }, `${st.confirmedCompleted} confirmed by logging in again; ${st.peakActive} at once at ${r.options.speed}x pace`),
      row('wave: failed requests and flow errors', r.errors + r.serverErrorLogLines, 'count', { op: '<=', value: 0 }, r.errorSamples[0] ? `first: ${r.errorSamples[0].type} ${r.errorSamples[0].detail}` : undefined),
      row('wave: sustained answer saves (best minute)', saves.sustainedPerSecond, 'saves/s', null, `mean ${saves.meanPerSecond}/s over ${r.seconds} s, best 10 s ${saves.peak10sPerSecond}/s`),
      ...r.types.map((t) =>
        row(
          t.type === 'baseline' ? 'wave: hello world beside it p99 (machine baseline)' : `wave: ${t.type} p99`,
          t.p99,
          'ms',
          P99_MS[t.type] ? { op: '<', value: P99_MS[t.type]! } : null,
          `p50 ${t.p50} ms, ${t.requests} requests`,
        ),
      ),
      row(
        'wave: server memory kept after the wave (private)',
        server.growthPercent,
        '%',
        // Half a minute of load says nothing about a trend: the quick run reports the figure without judging it.
        quick ? null : { op: '<=', value: 20 },
        `${m.before.anonMb} -> ${m.after.anonMb} MB idle before/after a ${r.seconds}-s wave; peak RSS ${m.peak.rssMb} MB (private ${m.peak.anonMb}, mapped database ${m.peak.fileMb})`,
      ),
      row('wave: server CPU', server.cpuPercentOfOneCore, '% core', null, `${server.cpuMsPerRequest} ms/request; busiest 10 s ${server.peakCpuPercentOfOneCore}%`),
      row('wave: students at once per server core (real pace)', realTime.studentsPerServerCore, 'students', null, `from ${server.cpuMsPerStudent} ms CPU per ${realTime.surveyMinutes}-min survey`),
    ];
  },
};
