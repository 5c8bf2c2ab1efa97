// The student app as built and as Chromium receives it on a cold load (bench/bundle.ts). Targets: initial
// JavaScript <= 125 KB gzip (the build's budget), a cold load under 130 KB on the wire.
import { runBenchScript } from '../run-script.ts';
import { row, type Benchmark } from '../types.ts';

interface BundleJson {
  targetsKb: { initialJsGzip: number; coldLoad: number };
  initialJs: { raw: number; gzip: number; brotli: number };
  coldLoadBytes: number;
  runs: { page: { url: string; bytes: number; encoding?: string }[] }[];
}

const kb = (n: number) => Math.round(n / 102.4) / 10;

export const bundleBenchmark: Benchmark = {
  id: 'bundle',
  title: 'student bundle size and cold-load transfer in Chromium',
  seconds: { full: 40, quick: 15 },
  async run({ quick }) {
    // The full suite measures a fresh build of the sources; the quick one reuses a build when there is one.
    const r = await runBenchScript<BundleJson>({ script: 'bundle.ts', args: [...(quick ? [] : ['--build']), '--runs', quick ? '1' : '3'], log: 'bundle.log', json: 'bundle.json' });
    const encodings = [...new Set(r.runs.at(-1)!.page.map((p) => p.encoding ?? 'none'))].join(', ');
    return [
      row('student initial JavaScript (gzip -9)', kb(r.initialJs.gzip), 'KB', { op: '<=', value: r.targetsKb.initialJsGzip }, `${kb(r.initialJs.raw)} KB raw, ${kb(r.initialJs.brotli)} KB brotli`),
      row('student cold load on the wire (Chromium)', kb(r.coldLoadBytes), 'KB', { op: '<', value: r.targetsKb.coldLoad }, `encodings served: ${encodings}`),
    ];
  },
};
