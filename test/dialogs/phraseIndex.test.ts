// PhraseIndex: every answer is the one findPhrase / longestMatch give phrase by phrase, for any phrases and text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPhrase, longestMatch } from '../../src/dialogs/lexicon.js';
import { PhraseIndex } from '../../src/dialogs/phraseIndex.js';

// Letters and digits on both sides of the word-character ranges (`, {, /, :, ¿, ɐ), Chinese, spaces, punctuation.
const UNITS = ['a', 'b', 'z', 'Z', '0', '9', '`', '{', '/', ':', 'À', 'ɏ', 'ɐ', '¿', '中', '文', ' ', ',', '?'];
const piece = fc.constantFrom(...UNITS);
const phrase = fc.array(piece, { minLength: 0, maxLength: 4 }).map((units) => units.join(''));
const groups = fc.array(fc.tuple(fc.constantFrom('k0', 'k1', 'k2', 'k3'), fc.array(phrase, { maxLength: 5 })), {
  maxLength: 5,
});
const text = fc.array(piece, { maxLength: 16 }).map((units) => units.join(''));
/** Texts made of the phrases themselves, abutting each other and random units, as well as random texts. */
const textAround = (given: ReadonlyArray<readonly [string, string[]]>) => {
  const phrases = given.flatMap(([, list]) => list);
  const parts = phrases.length > 0 ? fc.oneof(piece, fc.constantFrom(...phrases)) : piece;
  return fc.oneof(text, fc.array(parts, { maxLength: 8 }).map((units) => units.join('')));
};
const cases = groups.chain((given) => fc.tuple(fc.constant(given), textAround(given)));

describe('PhraseIndex', () => {
  it('has: any phrase findPhrase finds', () => {
    fc.assert(
      fc.property(cases, ([given, said]) => {
        const expected = given.some(([, phrases]) => phrases.some((p) => findPhrase(said, p) >= 0));
        expect(new PhraseIndex(given).has(said)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('longestIn: longestMatch, phrase, key and start', () => {
    fc.assert(
      fc.property(cases, ([given, said]) => {
        expect(new PhraseIndex(given).longestIn(said)).toEqual(longestMatch(said, given));
      }),
      { numRuns: 3000 },
    );
  });

  it('firstGroupIn and keysIn: the first group, and every group, findPhrase finds a phrase of', () => {
    fc.assert(
      fc.property(cases, ([given, said]) => {
        const found = given.filter(([, phrases]) => phrases.some((p) => findPhrase(said, p) >= 0));
        const index = new PhraseIndex(given);
        expect(index.firstGroupIn(said)).toBe(found[0]?.[0]);
        expect(index.keysIn(said)).toEqual(new Set(found.map(([key]) => key)));
      }),
      { numRuns: 3000 },
    );
  });

  it('longestListedIn: the longest phrase found, of those as long the one listed first', () => {
    fc.assert(
      fc.property(cases, ([given, said]) => {
        let best: { key: string; phrase: string } | undefined;
        for (const [key, phrases] of given)
          for (const p of phrases)
            if (findPhrase(said, p) >= 0 && (!best || p.length > best.phrase.length)) best = { key, phrase: p };
        const found = new PhraseIndex(given).longestListedIn(said);
        expect(found && { key: found.key, phrase: found.phrase }).toEqual(best);
        if (found) expect(found.start).toBe(findPhrase(said, found.phrase));
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['no', 'i know', false],
    ['no', 'no, i know', true],
    ['同意', '不同意', true],
    ['ok', 'ok了', true],
    ['', '', true],
  ])('%j in %j → %s (word boundaries only for Latin ends)', (p, said, expected) => {
    expect(new PhraseIndex([['k', [p]]]).has(said)).toBe(expected);
  });
});
