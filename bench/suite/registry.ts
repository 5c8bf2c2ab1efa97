// The benchmarks `npm run bench` runs, in this order (the bundle before the wave, which serves that build).
// A new benchmark is one module in benchmarks/ and one line here; see types.ts for the shape.
import type { Benchmark } from './types.ts';
import { loginBenchmark } from './benchmarks/login.ts';
import { saveBenchmark } from './benchmarks/save.ts';
import { importBenchmark } from './benchmarks/import.ts';
import { labelsBenchmark } from './benchmarks/labels.ts';
import { bundleBenchmark } from './benchmarks/bundle.ts';
import { waveBenchmark } from './benchmarks/wave.ts';
import { reportingBenchmark } from './benchmarks/reporting.ts';
import { liveViewBenchmark } from './benchmarks/live-view.ts';

export const BENCHMARKS: Benchmark[] = [loginBenchmark, saveBenchmark, importBenchmark, labelsBenchmark, reportingBenchmark, liveViewBenchmark, bundleBenchmark, waveBenchmark];
