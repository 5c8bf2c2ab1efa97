// The part of jStat (which ships no types) that the required-response calculator uses. The CommonJS module is the
// jStat object itself.
declare module 'jstat' {
  const jStat: {
    normal: {
      /** The quantile (inverse CDF) of the normal distribution: the x with P(X <= x) = p. */
      inv(p: number, mean: number, std: number): number;
    };
  };
  export default jStat;
}
