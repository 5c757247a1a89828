// The shipped lexicons and FAQ through their indexes: the same answers as findPhrase and longestMatch phrase by phrase
// (the scans recognition made before), over every phrase with random text around it, in every locale order.
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/domain/account.js';
import { checkFaq, findQuestion, readFaqFiles, type FaqEntry } from '../../src/dialogs/faq.js';
import { INTENT_NAMES, findPhrase, lexiconsInOrder, longestMatch, type Lexicon } from '../../src/dialogs/lexicon.js';
import { firstIntentSaid, isWholePhrase, longestPhrase, phraseIndexOf, saysIntent } from '../../src/dialogs/lexiconIndex.js';
import { wholeForm } from '../../src/conversation/recognize/normalize.js';
import { loadLexicons } from '../helpers/dialogFiles.js';

const DIALOGS = fileURLToPath(new URL('../../dialogs', import.meta.url));
const lexicons = loadLexicons(`${DIALOGS}/lexicon`);
const { faq } = checkFaq(new Map(readFaqFiles(DIALOGS)), (name) => name);
type Part = 'intents' | 'choices' | 'fields' | 'switchLocale';
const PARTS: Part[] = ['intents', 'choices', 'fields', 'switchLocale'];
const groupsOf = (lexicon: Lexicon, part: Part, keys?: readonly string[]) => {
  const groups: Record<string, string[]> = lexicon[part];
  return (keys ?? Object.keys(groups)).flatMap((key) => (Object.hasOwn(groups, key) ? [[key, groups[key]!] as const] : []));
};
const said = (text: string, ordered: readonly Lexicon[], intent: (typeof INTENT_NAMES)[number]) =>
  ordered.some((lexicon) => lexicon.intents[intent].some((phrase) => findPhrase(text, phrase) >= 0));

const everyPhrase = [
  ...new Set([
    ...Object.values(lexicons).flatMap((lexicon) => PARTS.flatMap((part) => groupsOf(lexicon, part).flatMap(([, phrases]) => phrases))),
    ...Object.values(faq).flatMap((entries) => entries.flatMap((entry) => entry.asks)),
  ]),
];
// Around a phrase: other phrases, letters and digits that touch it, Chinese, spaces and punctuation.
const filler = fc.constantFrom('a', 'x', '1', ' ', '，', '?', '我', '不', '了', '吗', 'é', "'", '-', ...everyPhrase);
const message = fc
  .tuple(fc.array(filler, { maxLength: 4 }), fc.constantFrom(...everyPhrase), fc.array(filler, { maxLength: 4 }))
  .map(([before, phrase, after]) => [...before, phrase, ...after].join(''));
const locale = fc.constantFrom(...LOCALES);
const RUNS = { numRuns: 1500 };

describe('lexicon indexes – the shipped lexicons and FAQ', () => {
  it('every group of every part: the index finds a phrase exactly when findPhrase does, longest as longestMatch', () => {
    fc.assert(
      fc.property(message, (text) => {
        for (const lexicon of Object.values(lexicons))
          for (const part of PARTS)
            for (const [key, phrases] of groupsOf(lexicon, part)) {
              expect(phraseIndexOf(lexicon, part, [key]).has(text)).toBe(phrases.some((phrase) => findPhrase(text, phrase) >= 0));
              expect(phraseIndexOf(lexicon, part, [key]).longestIn(text)).toEqual(longestMatch(text, [[key, phrases]]));
            }
      }),
      { numRuns: 400 },
    );
  });

  it('longestPhrase over the lexicons in order: longestMatch over their groups, lexicon after lexicon', () => {
    const selections: Array<[Part, string[] | undefined]> = [
      ['switchLocale', undefined],
      ['fields', undefined],
      ['intents', ['accept', 'another', 'decline']],
      ['intents', ['yes', 'no']],
      ['choices', ['jobLoss', 'reducedIncome', 'illness', 'business', 'family', 'tooManyDebts', 'other']],
      ['choices', ['none', 'skip', 'notAChoice']],
      ['choices', ['familyMember']],
    ];
    fc.assert(
      fc.property(message, locale, (text, current) => {
        const ordered = lexiconsInOrder(lexicons, current);
        for (const [part, keys] of selections)
          expect(longestPhrase(text, ordered, part, keys)).toEqual(
            longestMatch(text, ordered.flatMap((lexicon) => groupsOf(lexicon, part, keys))),
          );
      }),
      RUNS,
    );
  });

  it('saysIntent, firstIntentSaid, isWholePhrase: the phrase-by-phrase answers', () => {
    const urgent = ['vulnerability', 'dispute', 'human', 'stop'] as const;
    fc.assert(
      fc.property(message, locale, (text, current) => {
        const ordered = lexiconsInOrder(lexicons, current);
        for (const intent of INTENT_NAMES) {
          expect(saysIntent(text, ordered, intent)).toBe(said(text, ordered, intent));
          const whole = wholeForm(text);
          const isWhole = ordered.some((lexicon) => lexicon.intents[intent].some((phrase) => wholeForm(phrase) === whole));
          expect(isWholePhrase(whole, ordered, intent)).toBe(isWhole);
        }
        expect(firstIntentSaid(text, ordered, urgent)).toBe(urgent.find((intent) => said(text, ordered, intent)));
      }),
      RUNS,
    );
  });

  it('findQuestion: the longest phrase of any locale (current first), of those as long the first listed', () => {
    const scan = (text: string, faqs: readonly FaqEntry[][]) => {
      let best: { id: string; length: number } | undefined;
      for (const entries of faqs)
        for (const entry of entries)
          for (const phrase of entry.asks)
            if (findPhrase(text, phrase) >= 0 && (!best || phrase.length > best.length)) best = { id: entry.id, length: phrase.length };
      return best?.id;
    };
    fc.assert(
      fc.property(message, locale, (text, current) => {
        const faqs = [current, ...LOCALES.filter((other) => other !== current)].map((other) => faq[other] ?? []);
        expect(findQuestion(text, faqs)).toBe(scan(text, faqs));
      }),
      RUNS,
    );
  });

  it('lexiconsInOrder: the current locale first, the same list every time', () => {
    expect(lexiconsInOrder(lexicons, 'en')).toEqual([lexicons.en, lexicons['zh-CN'], lexicons['zh-TW']]);
    expect(lexiconsInOrder(lexicons, 'zh-TW')).toBe(lexiconsInOrder(lexicons, 'zh-TW'));
  });
});
