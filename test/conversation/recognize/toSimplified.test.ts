// OpenCC is skipped for text with no character it could change: the result must be exactly OpenCC's.
import * as OpenCC from 'opencc-js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toSimplified } from '../../../src/conversation/recognize/toSimplified.js';

const fromTaiwan = OpenCC.Converter({ from: 'tw', to: 'cn' });
const fromHongKong = OpenCC.Converter({ from: 'hk', to: 'cn' });
const openCC = (text: string) => fromHongKong(fromTaiwan(text));

// Simplified and Traditional characters of the borrowers' phrases, and characters that only some phrases change.
const CHARACTERS = [
  ...'你好我同意這個方案没有沒有失业失業暂时暫時的两兩千五还還款计計划劃后後天下周週五情况況变變了乾隆一干人头頭发髮',
  ...'想找真人转轉人工计算机機不再谈談了里裡面台臺湾灣收入月号號元块塊钱錢给給付付清利息罚罰金减減免',
  ...'0123456789 -LNabc',
];

describe('toSimplified', () => {
  it('gives what OpenCC gives (Taiwan then Hong Kong forms to Simplified) on any mix of Simplified, Traditional and ASCII', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...CHARACTERS), { maxLength: 12 }), (chars) => {
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
