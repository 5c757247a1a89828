// recognize: button values, empty and hostile input, very long messages, and never throwing.
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../src/domain/account.js';
import { MAX_INPUT_CHARS } from '../../../src/conversation/recognize/normalize.js';
import { loadLexicons } from '../../helpers/dialogFiles.js';
import { recognize, type Expectation, type RecognizeInput } from '../../../src/conversation/recognize/recognize.js';

const lexicons = loadLexicons(fileURLToPath(new URL('../../../dialogs/lexicon', import.meta.url)));
const base: RecognizeInput = {
  text: undefined,
  value: undefined,
  expects: { kind: 'amount' },
  locale: 'zh-CN',
  currency: 'CNY',
  lexicons,
  choiceLabels: {},
};
const run = (patch: Partial<RecognizeInput>) => recognize({ ...base, ...patch });

describe('recognize — button values', () => {
  it.each([
    [{ choice: 'jobLoss' }, { type: 'choice.made', value: 'jobLoss' }],
    [{ offerId: 'installment-6' }, { type: 'offer.accepted', offerId: 'installment-6' }],
    [{ intent: 'human' }, { type: 'human.requested' }],
    [{ intent: 'decline' }, { type: 'offer.declined' }],
    [{ intent: 'another' }, { type: 'offer.another' }],
    [{ intent: 'yes' }, { type: 'answer.yes' }],
    [{ locale: 'en' }, { type: 'locale.switched', locale: 'en' }],
  ])('value %o → %o', (value, understood) => {
    expect(run({ value })).toEqual(understood);
  });

  it('value { choice: "none" } with text "500" → choice.made none (the button wins over the text)', () => {
    expect(run({ value: { choice: 'none' }, text: '500' })).toEqual({ type: 'choice.made', value: 'none' });
  });

  it.each([
    ['a number', 42],
    ['a string', 'jobLoss'],
    ['null', null],
    ['an array', [{ choice: 'jobLoss' }]],
    ['a numeric choice', { choice: 7 }],
    ['an empty choice', { choice: '' }],
    ['an unknown intent', { intent: 'launchMissiles' }],
    ['an unknown locale', { locale: 'fr' }],
    ['an empty object', {}],
  ])('malformed value (%s) with text "500" → ignored, the text gives amount.given 50000', (_case, value) => {
    expect(run({ value, text: '500' })).toEqual({ type: 'amount.given', amountMinor: 50000 });
  });

  it('a choice id named like an Object method (toString) → input.unrecognized unclear, no crash', () => {
    expect(run({ text: '!', expects: { kind: 'choice', choices: ['toString', 'constructor'] } })).toEqual({
      type: 'input.unrecognized',
      why: 'unclear',
    });
  });

  it('malformed value and no text → input.unrecognized empty', () => {
    expect(run({ value: { offerId: null }, text: undefined })).toEqual({ type: 'input.unrecognized', why: 'empty' });
  });
});

describe('recognize — empty, noisy and long input', () => {
  it.each([
    ['undefined', undefined],
    ['an empty string', ''],
    ['spaces and new lines', '  \n\t '],
    ['emoji only', '👍🙏😀'],
    ['full-width spaces', '\u3000\u3000'],
  ])('text is %s → input.unrecognized empty', (_case, text) => {
    expect(run({ text })).toEqual({ type: 'input.unrecognized', why: 'empty' });
  });

  it('"👍 五百 🙏" → amount.given 50000 (emoji ignored)', () => {
    expect(run({ text: '👍 五百 🙏' })).toEqual({ type: 'amount.given', amountMinor: 50000 });
  });

  it('pasted spam with no meaning → input.unrecognized unclear', () => {
    expect(run({ text: 'CLICK HERE www.example.com FREE $$$ !!!' }).type).toBe('input.unrecognized');
  });

  it('a 50 KB string with nothing in the first 2000 characters → tooLong, reading no further than them', () => {
    const text = `${'啊'.repeat(50_000)}转人工`;
    expect(run({ text })).toEqual({ type: 'input.unrecognized', why: 'tooLong' });
    expect(run({ text: `${'啊'.repeat(MAX_INPUT_CHARS - 10)}转人工` }).type).toBe('human.requested');
  });

  it('a 50 KB string starting with an amount → amount.given from the first 2000 characters', () => {
    expect(run({ text: `每月800${' blah'.repeat(10_000)}` })).toEqual({ type: 'amount.given', amountMinor: 80000 });
  });

  it.each<[string, string, Expectation]>([
    ['digits and dashes', '1-'.repeat(25_000), { kind: 'lookup' }],
    ['letter-dash runs', 'a-a'.repeat(17_000), { kind: 'lookup' }],
    ['digits', '9'.repeat(50_000), { kind: 'idLast4' }],
    ['month names', 'march '.repeat(8_000), { kind: 'date' }],
    ['Chinese numerals', '一二三'.repeat(17_000), { kind: 'number' }],
    ['option words', 'option '.repeat(7_000), { kind: 'offer', offerIds: ['a', 'b'] }],
  ])(
    '50 KB of %s (regex stress) → the answer depends on the first 2000 characters only (the matchers never see more)',
    (_case, text, expects) => {
      const otherTail = text.slice(0, MAX_INPUT_CHARS) + '转人工 8000 2024-01-01 '.repeat(2_000);
      expect(run({ text, expects })).toEqual(run({ text: otherTail, expects }));
    },
  );
});

describe('recognize — property', () => {
  const expectation: fc.Arbitrary<Expectation> = fc.oneof(
    fc.constantFrom<Expectation>(
      { kind: 'none' },
      { kind: 'text' },
      { kind: 'yesNo' },
      { kind: 'amount' },
      { kind: 'number' },
      { kind: 'date' },
      { kind: 'idLast4' },
      { kind: 'lookup' },
    ),
    fc.array(fc.string(), { maxLength: 5 }).map((choices): Expectation => ({ kind: 'choice', choices })),
    fc.array(fc.string(), { maxLength: 5 }).map((offerIds): Expectation => ({ kind: 'offer', offerIds })),
  );
  const text = fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.string({ unit: 'grapheme', maxLength: 100 }),
    fc.string({ unit: 'binary', maxLength: 100 }),
    fc.constant(undefined),
  );

  it('arbitrary text, value, expectation, locale and labels → never throws, always a typed result', () => {
    fc.assert(
      fc.property(
        text,
        fc.anything(),
        expectation,
        fc.constantFrom(...LOCALES),
        fc.dictionary(fc.string(), fc.array(fc.string(), { maxLength: 3 })),
        (t, value, expects, locale, choiceLabels) => {
          const understood = recognize({ text: t, value, expects, locale, currency: 'CNY', lexicons, choiceLabels });
          expect(typeof understood.type).toBe('string');
        },
      ),
      { numRuns: 500 },
    );
  });

  it('arbitrary amounts written as digits → amount.given of exactly that many fen', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (major) => {
        expect(run({ text: `${major}` })).toEqual({ type: 'amount.given', amountMinor: major * 100 });
        expect(run({ text: `¥${major.toLocaleString('en')}` })).toEqual({
          type: 'amount.given',
          amountMinor: major * 100,
        });
      }),
    );
  });
});
