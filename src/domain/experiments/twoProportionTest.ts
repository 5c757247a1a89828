// A two-proportion z-test (pooled): is the difference between two arms' rates more than chance?

export type Verdict = 'tooFew' | 'notSignificant' | 'significant95' | 'significant99';

export interface ProportionTest {
  /** Rates of control and candidate (0…1); 0 for an arm without conversations. */
  control: number;
  candidate: number;
  /** candidate − control. */
  difference: number;
  z: number;
  /** Two-sided: the chance of a difference at least this large if both arms were the same. */
  pValue: number;
  verdict: Verdict;
}

/** Below this many successes or failures in an arm the normal approximation does not hold. */
export const MIN_EACH = 5;

/** Φ(x), the standard normal distribution function (Abramowitz & Stegun 7.1.26, error < 1.5e-7). */
export function normalCdf(x: number): number {
  const t = 1 / (1 + 0.3275911 * (Math.abs(x) / Math.SQRT2));
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

export function twoProportionTest(
  control: { successes: number; trials: number },
  candidate: { successes: number; trials: number },
): ProportionTest {
  const rate = (arm: { successes: number; trials: number }) => (arm.trials > 0 ? arm.successes / arm.trials : 0);
  const [p1, p2] = [rate(control), rate(candidate)];
  const pooled = (control.successes + candidate.successes) / Math.max(1, control.trials + candidate.trials);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / Math.max(1, control.trials) + 1 / Math.max(1, candidate.trials)));
  const z = se > 0 ? (p2 - p1) / se : 0;
  const pValue = se > 0 ? Math.min(1, 2 * (1 - normalCdf(Math.abs(z)))) : 1;
  const enough = [control, candidate].every(
    (arm) => arm.successes >= MIN_EACH && arm.trials - arm.successes >= MIN_EACH,
  );
  const verdict: Verdict = !enough
    ? 'tooFew'
    : pValue < 0.01
      ? 'significant99'
      : pValue < 0.05
        ? 'significant95'
        : 'notSignificant';
  return { control: p1, candidate: p2, difference: p2 - p1, z, pValue, verdict };
}
