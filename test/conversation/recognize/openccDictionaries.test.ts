// A converter cut down to the characters of some texts must convert those texts exactly as the whole of OpenCC does.
import { readFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readOpenCCDictionaries } from '../../../src/conversation/recognize/openccDictionaries.js';

const fromTaiwan = OpenCC.Converter({ from: 'tw', to: 'cn' });
const fromHongKong = OpenCC.Converter({ from: 'hk', to: 'cn' });
const openCC = (text: string) => fromHongKong(fromTaiwan(text));

const codePointsOf = (texts: readonly string[]) =>
  texts.flatMap((text) => Array.from(text, (char) => char.codePointAt(0)!));
const dictionaries = readOpenCCDictionaries();
function restrictedTo(texts: readonly string[]): (text: string) => string {
  if (!dictionaries) throw new Error('opencc-js no longer exposes its dictionaries');
  return dictionaries.restrictedConverter(codePointsOf(texts));
}

// Simplified and Traditional characters of borrowers' phrases, characters that only some phrases change, and
// characters whose conversion brings in another one a later stage converts again.
const CHARACTERS = [
  ...'你好我同意這個方案没有沒有失业失業暂时暫時的两兩千五还還款计計划劃后後天下周週五情况況变變了乾隆一干人头頭发髮',
  ...'想找真人转轉人工计算机機不再谈談了里裡面台臺湾灣收入月号號元块塊钱錢给給付付清利息罚罰金减減免着著衹只峯峰綫線',
  ...'0123456789 -LNabc',
];

describe('readOpenCCDictionaries().restrictedConverter', () => {
  it('converts every text of a batch as OpenCC does (Taiwan then Hong Kong forms), for any batch of mixed scripts', () => {
    const text = fc.array(fc.constantFrom(...CHARACTERS), { maxLength: 10 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 5 }), (texts) => {
        const convert = restrictedTo(texts);
        for (const one of texts) expect(convert(one)).toBe(openCC(one));
      }),
      { numRuns: 200 },
    );
  });

  it('the shipped lexicons and FAQ, each file as one batch → every phrase as OpenCC converts it', () => {
    for (const file of ['lexicon/zh-TW.yaml', 'lexicon/zh-CN.yaml', 'faq/zh-TW.yaml', 'faq/zh-CN.yaml']) {
      const yaml: unknown = parse(readFileSync(new URL(`../../../dialogs/${file}`, import.meta.url), 'utf8'));
      const phrases = JSON.stringify(yaml).match(/[^\p{ASCII}]+/gu) ?? [];
      const convert = restrictedTo(phrases);
      for (const phrase of phrases) expect(convert(phrase), `${file}: ${phrase}`).toBe(openCC(phrase));
    }
  });
});
