// The shape every benchmark of the suite (`npm run bench`) shares: a benchmark is a small module that measures
// one thing and returns rows; each row is one figure with its unit, its target and whether it meets it.
//
// To add a benchmark: write bench/suite/benchmarks/<name>.ts exporting a `Benchmark` (usually it runs a
// standalone bench script in its own process with `runBenchScript` and turns that script's JSON into rows with
// `row(...)`), then add it to the list in bench/suite/registry.ts. Give it a `quick` variant that takes seconds.

/** What a figure must be to pass: `figure <op> value`. */
export interface Target {
  op: '<' | '<=' | '>' | '>=';
  value: number;
}

/** One line of the suite's table and of bench/results.json. */
export interface BenchRow {
  /** The benchmark that measured it (its id). */
  benchmark: string;
  /** What the figure is, e.g. "login throughput / hello world". */
  name: string;
  figure: number;
  /** 'x' for a ratio to a baseline measured in the same run, else 'ms', 's', 'MB', 'KB', '%', 'saves/s', ... */
  unit: string;
  /** null: reported for context (a rate, a median), judged by no target. */
  target: Target | null;
  /** Whether the figure meets its target; null without a target. */
  pass: boolean | null;
  /** A second figure or a caveat, shown beside the row (e.g. the p50 next to a p99). */
  note?: string;
}

export interface BenchContext {
  /** A small version of everything: the whole suite in under 2 minutes on 2 cores (smoke, not evidence). */
  quick: boolean;
  /** Progress lines for the terminal; the full output of each script goes to bench/results/logs/. */
  log: (line: string) => void;
}

export interface Benchmark {
  /** Short name, used by `npm run bench -- --only id,id`. */
  id: string;
  /** What it measures, one line. */
  title: string;
  /** Rough duration of a full and a quick run in seconds, printed in the plan. */
  seconds: { full: number; quick: number };
  run: (ctx: BenchContext) => Promise<Omit<BenchRow, 'benchmark'>[]>;
}

export function meets(figure: number, target: Target): boolean {
  switch (target.op) {
    case '<':
      return figure < target.value;
    case '<=':
      return figure <= target.value;
    case '>':
      return figure > target.value;
    case '>=':
      return figure >= target.value;
  }
}

/** A row with its pass worked out; a figure that is not a number (a run that measured nothing) fails. */
export function row(name: string, figure: number, unit: string, target: Target | null = null, note?: string): Omit<BenchRow, 'benchmark'> {
  const pass = target === null ? null : Number.isFinite(figure) && meets(figure, target);
  return { name, figure, unit, target, pass, ...(note ? { note } : {}) };
}
