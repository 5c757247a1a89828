// The two-proportion z-test against figures worked out by hand (pooled rate, standard error, z, two-sided p).
import { describe, expect, it } from 'vitest';
import { normalCdf, twoProportionTest } from '../../../src/domain/experiments/twoProportionTest.js';

describe('twoProportionTest', () => {
  it('40 of 100 against 55 of 100 – pooled 0.475, SE √(0.475·0.525·0.02) = 0.07062, z = 0.15 / 0.07062 = 2.124, p = 0.0337: significant at 95 %', () => {
    const test = twoProportionTest({ successes: 40, trials: 100 }, { successes: 55, trials: 100 });
    expect(test.control).toBeCloseTo(0.4, 10);
    expect(test.candidate).toBeCloseTo(0.55, 10);
    expect(test.difference).toBeCloseTo(0.15, 10);
    expect(test.z).toBeCloseTo(2.124, 3);
    expect(test.pValue).toBeCloseTo(0.0337, 4);
    expect(test.verdict).toBe('significant95');
  });

  it('50 of 100 against 30 of 100 – pooled 0.4, SE √(0.24·0.02) = 0.06928, z = −0.2 / 0.06928 = −2.887, p = 0.0039: significant at 99 %', () => {
    const test = twoProportionTest({ successes: 50, trials: 100 }, { successes: 30, trials: 100 });
    expect(test.z).toBeCloseTo(-2.887, 3);
    expect(test.pValue).toBeCloseTo(0.0039, 4);
    expect(test.verdict).toBe('significant99');
  });

  it('30 of 200 against 28 of 180 – pooled 58/380, SE 0.03695, z = 0.150, p = 0.880: not yet significant', () => {
    const test = twoProportionTest({ successes: 30, trials: 200 }, { successes: 28, trials: 180 });
    expect(test.z).toBeCloseTo(0.15, 3);
    expect(test.pValue).toBeCloseTo(0.8805, 3);
    expect(test.verdict).toBe('notSignificant');
  });

  it('4 of 10 against 1 of 10 – fewer than 5 successes in an arm: too few to tell, whatever p says', () => {
    expect(twoProportionTest({ successes: 4, trials: 10 }, { successes: 1, trials: 10 }).verdict).toBe('tooFew');
  });

  it('no conversations in either arm – rates 0, p = 1, too few', () => {
    expect(twoProportionTest({ successes: 0, trials: 0 }, { successes: 0, trials: 0 })).toEqual({
      control: 0,
      candidate: 0,
      difference: 0,
      z: 0,
      pValue: 1,
      verdict: 'tooFew',
    });
  });

  it('Φ at 0, 1.96 and −2.576 – 0.5, 0.975, 0.005 (table values)', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.96)).toBeCloseTo(0.975, 4);
    expect(normalCdf(-2.576)).toBeCloseTo(0.005, 4);
  });
});
