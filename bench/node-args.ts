// Node options for the servers a benchmark starts, from BENCH_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=DIR" for a
// CPU profile of the server under load). One place, so bench:login, bench:save and bench:wave read it alike.
export const benchNodeArgs = (): string[] => process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
