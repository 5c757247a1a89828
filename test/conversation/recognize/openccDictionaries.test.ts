// A converter cut down to the characters of some texts must convert those texts exactly as the whole of OpenCC does.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { MIXED_SCRIPT_CHARACTERS, openCC } from '../../helpers/openCC.js';
import { readOpenCCDictionaries } from '../../../src/conversation/recognize/openccDictionaries.js';

const codePointsOf = (texts: readonly string[]) =>
  texts.flatMap((text) => Array.from(text, (char) => char.codePointAt(0)!));
const dictionaries = readOpenCCDictionaries();
function restrictedTo(texts: readonly string[]): (text: string) => string {
  if (!dictionaries) throw new Error('opencc-js no longer exposes its dictionaries');
  return dictionaries.restrictedConverter(codePointsOf(texts));
}

describe('readOpenCCDictionaries().restrictedConverter', () => {
  it('converts every text of a batch as OpenCC does (Taiwan then Hong Kong forms), for any batch of mixed scripts', () => {
    const text = fc
      .array(fc.constantFrom(...MIXED_SCRIPT_CHARACTERS), { maxLength: 10 })
      .map((chars) => chars.join(''));
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
