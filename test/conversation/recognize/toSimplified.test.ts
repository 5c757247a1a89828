// OpenCC is skipped for text with no character it could change: the result must be exactly OpenCC's.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MIXED_SCRIPT_CHARACTERS, openCC } from '../../helpers/openCC.js';
import { toSimplified } from '../../../src/conversation/recognize/toSimplified.js';

describe('toSimplified', () => {
  it('gives what OpenCC gives (Taiwan then Hong Kong forms to Simplified) on any mix of Simplified, Traditional and ASCII', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...MIXED_SCRIPT_CHARACTERS), { maxLength: 12 }), (chars) => {
        const text = chars.join('');
        expect(toSimplified(text)).toBe(openCC(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('turns Traditional messages into Simplified and leaves Simplified and ASCII ones as they are', () => {
    expect(toSimplified('我要轉人工')).toBe('我要转人工');
    expect(toSimplified('我的還款計劃')).toBe('我的还款计划');
    for (const text of ['你好', '我同意', '两千五', 'LN-2024-0001', '1990-05-20'])
      expect(toSimplified(text)).toBe(text);
  });
});
