// The arm of a case: the same for the same seed and case, split by the percentage over many cases.
import { describe, expect, it } from 'vitest';
import { assignArm, bucketOf } from '../../../src/domain/experiments/experimentArm.js';

const cases = Array.from({ length: 2000 }, (_, i) => `test:conversation-${i}`);

describe('assignArm', () => {
  it('the same seed and case – the same arm every time; another seed reshuffles the cases', () => {
    const first = cases.map((c) => assignArm('seed-a', c, 50));
    expect(cases.map((c) => assignArm('seed-a', c, 50))).toEqual(first);
    expect(cases.map((c) => assignArm('seed-b', c, 50))).not.toEqual(first);
  });

  it('a case in the candidate arm at 10 % stays there at 50 % (raising the share only adds cases)', () => {
    for (const c of cases.filter((c) => assignArm('seed-a', c, 10) === 'candidate'))
      expect(assignArm('seed-a', c, 50)).toBe('candidate');
  });

  it('2 000 cases at 10 % and 50 % – within 3 points of the share', () => {
    for (const percent of [10, 50]) {
      const share = cases.filter((c) => assignArm('seed-a', c, percent) === 'candidate').length / cases.length;
      expect(Math.abs(share - percent / 100)).toBeLessThan(0.03);
    }
  });

  it('the bucket is below 10 000 and the arm is candidate exactly when bucket < percent × 100', () => {
    for (const c of cases.slice(0, 200)) {
      const bucket = bucketOf('seed-a', c);
      expect(bucket).toBeGreaterThanOrEqual(0);
      expect(bucket).toBeLessThan(10_000);
      expect(assignArm('seed-a', c, 37)).toBe(bucket < 3700 ? 'candidate' : 'control');
    }
  });
});
