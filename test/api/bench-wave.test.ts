// The classroom wave's virtual students against a real `job-monitor serve`: a small, fast wave must complete
// every student with no failed request, so the wave keeps making the requests the real client makes as the API
// changes. It judges no timing (that is bench/'s work), only that the whole path is accepted.
import { expect, it } from 'vitest';
import { runWave, DEFAULT_WAVE } from '../../bench/wave-run.ts';

it('completes a small wave with no failed request, every student recorded as completed', async () => {
  const report = await runWave({ ...DEFAULT_WAVE, students: 6, classSize: 3, classGapSeconds: 0, speed: 300, mistypeShare: 0.5, population: 3000, warmup: 1, maxSeconds: 60, settleSeconds: 1, connections: 10 });
  expect(report.errorSamples).toEqual([]);
  expect(report.serverErrorLogLines).toBe(0);
  expect(report.students).toMatchObject({ measured: 6, classes: 2, completed: 6, confirmedCompleted: 6, notCompleted: 0, stopped: 0 });
  expect(report.outcomes['mistyped logins refused']).toBeGreaterThan(0);
  const types = new Map(report.types.map((t) => [t.type, t]));
  for (const type of ['login', 'survey', 'save', 'page', 'submit'] as const) expect(types.get(type)?.requests).toBeGreaterThan(0);
  // How many answers share a save depends on the server's speed (as in the browser), so only the outcome is judged.
  expect(types.get('submit')!.statuses).toEqual({ '200': 6 });
  expect(types.get('save')!.statuses).toEqual({ '200': types.get('save')!.requests });
}, 120_000);
