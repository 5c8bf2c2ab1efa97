// The part of jStat (which ships no types) that the required-response calculator uses.
declare module 'jstat' {
  export const jStat: {
    normal: {
      /** The quantile (inverse CDF) of the normal distribution: the x with P(X <= x) = p. */
      inv(p: number, mean: number, std: number): number;
    };
  };
}
