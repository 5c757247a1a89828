// Spans said in years or halves, as whole months — the longer reading when a half month is said.
import { describe, expect, it } from 'vitest';
import { parseMonths } from '../../../src/conversation/recognize/parseMonths.js';

describe('parseMonths', () => {
  it.each([
    ['半年吧', 6],
    ['大概半年左右', 6],
    ['一年半', 18],
    ['估计两年', 24],
    ['三个半月', 4],
    ['half a year', 6],
    ['a year', 12],
    ['a year and a half', 18],
    ['two and a half years', 30],
    ['2 years or so', 24],
    ['大約一年', 12],
  ])('%j → %i months', (text, months) => {
    expect(parseMonths(text)).toBe(months);
  });

  it.each(['3个月', 'three months', '下个月', '不知道'])('%j is not a span in years or halves → undefined', (text) => {
    expect(parseMonths(text)).toBeUndefined();
  });
});
