// normalizeText: width, script, case, emoji, whitespace and length.
import { describe, expect, it } from 'vitest';
import {
  MAX_INPUT_CHARS,
  capLength,
  normalizeText,
  normalizeTexts,
} from '../../../src/conversation/recognize/normalize.js';

describe('normalizeText', () => {
  it.each([
    ['１２００元', '1200元'],
    ['ＡＧＥＮＴ', 'agent'],
    ['我要轉人工', '我要转人工'],
    ['這不是我的債務', '这不是我的债务'],
    ['兩千五', '两千五'],
    ['￥800', '¥800'],
    ['  English   Please \n', 'english please'],
    ['好的👍🏽', '好的'],
    ['🇨🇳❤️😀', ''],
    ['don’t', "don't"],
    ['a\u200bb', 'a b'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('already normalised text → unchanged (idempotent)', () => {
    const once = normalizeText('我要轉人工，ＡＧＥＮＴ 🙏 兩千五');
    expect(normalizeText(once)).toBe(once);
  });

  it('a 50 KB message → at most the first 2000 characters, the rest never converted', () => {
    const message = '繁體字 '.repeat(12_500);
    const normal = normalizeText(message);
    expect(normal.length).toBeLessThanOrEqual(MAX_INPUT_CHARS);
    expect(normal).toBe(normalizeText(capLength(message)));
  });

  it('capLength on an emoji at the cut → never leaves half a surrogate pair', () => {
    const capped = capLength(`${'a'.repeat(MAX_INPUT_CHARS - 1)}😀`);
    expect(capped).toBe('a'.repeat(MAX_INPUT_CHARS - 1));
  });

  it('normalizeTexts on phrases of every script at once → each as normalizeText gives it', () => {
    const phrases = [
      '我要轉人工 🙏',
      '两千五',
      'ＡＧＥＮＴ',
      '還款計劃',
      '裡面',
      'don’t',
      '  Talk   to a person ',
      '🇨🇳',
    ];
    expect(normalizeTexts(phrases)).toEqual(phrases.map(normalizeText));
  });
});
