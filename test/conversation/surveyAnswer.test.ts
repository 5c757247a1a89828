// The survey's rating reader: a whole 1–5 as borrowers type it, nothing else.
import { describe, expect, it } from 'vitest';
import { ratingOf } from '../../src/conversation/surveyAnswer.js';

describe('ratingOf', () => {
  it.each([
    ['5', 5],
    ['５', 5],
    ['4分', 4],
    ['五星', 5],
    ['三', 3],
    ['2 stars', 2],
    ['4/5', 4],
    [' 1 。', 1],
  ])('%s → %i', (text, rating) => {
    expect(ratingOf(text)).toBe(rating);
  });

  it.each(['0', '6', '10', '45', '5号还款', '我还有一个问题', '', '3.5'])('%s → not a rating', (text) => {
    expect(ratingOf(text)).toBeUndefined();
  });
});
