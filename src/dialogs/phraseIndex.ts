// Many phrases looked for in one short text at once: indexed by their first character, matched as `findPhrase` does.
import type { PhraseMatch } from './lexicon.js';

/** A Latin letter or digit (one UTF-16 unit), as `findPhrase` tells a word character; NaN (outside the text) is not. */
const isWordUnit = (code: number): boolean =>
  (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 0xc0 && code <= 0x24f);

interface Entry<K> {
  key: K;
  /** Position of the entry's group, and of the entry among all phrases, in the order they were given. */
  group: number;
  order: number;
  phrase: string;
  checkStart: boolean;
  checkEnd: boolean;
}

/**
 * Groups of phrases (a key each), built once and asked of every message. Every answer is the one `findPhrase` over
 * each phrase would give: a phrase end that is a Latin letter or digit sits on a word boundary, a phrase's start is
 * its first such occurrence. An empty phrase is found at 0, as `indexOf` finds it.
 */
export class PhraseIndex<K extends string> {
  private readonly byFirstUnit = new Map<number, Array<Entry<K>>>();
  private readonly empty: Array<Entry<K>> = [];

  constructor(groups: Iterable<readonly [K, readonly string[]]>) {
    let group = 0;
    let order = 0;
    for (const [key, phrases] of groups) {
      for (const phrase of phrases) {
        const checkStart = isWordUnit(phrase.charCodeAt(0));
        const checkEnd = isWordUnit(phrase.charCodeAt(phrase.length - 1));
        const entry: Entry<K> = { key, group, order: order++, phrase, checkStart, checkEnd };
        if (phrase === '') this.empty.push(entry);
        else {
          const first = phrase.charCodeAt(0);
          const bucket = this.byFirstUnit.get(first);
          if (bucket) bucket.push(entry);
          else this.byFirstUnit.set(first, [entry]);
        }
      }
      group++;
    }
  }

  /** Whether any phrase occurs in `text`. */
  has(text: string): boolean {
    let found = false;
    this.scan(text, () => (found = true));
    return found;
  }

  /** The key of the first group (in the order given) with a phrase in `text`. */
  firstGroupIn(text: string): K | undefined {
    let first: Entry<K> | undefined;
    this.scan(text, (entry) => {
      if (!first || entry.group < first.group) first = entry;
      return first.group === 0;
    });
    return first?.key;
  }

  /** The keys of every group with a phrase in `text`. */
  keysIn(text: string): Set<K> {
    const keys = new Set<K>();
    this.scan(text, (entry) => void keys.add(entry.key));
    return keys;
  }

  /** As `longestMatch` over the groups: the longest phrase found, then the one found first, then the first given. */
  longestIn(text: string): PhraseMatch<K> | undefined {
    let best: Entry<K> | undefined;
    let bestStart = 0;
    // Phrases come by position, and at one position in the order given: of phrases as long, the first to come stays.
    this.scan(text, (entry, start) => {
      if (!best || entry.phrase.length > best.phrase.length) {
        best = entry;
        bestStart = start;
      }
    });
    return best && { key: best.key, phrase: best.phrase, start: bestStart };
  }

  /** The longest phrase found, ties to the one given first wherever it is in the text (the FAQ's rule). */
  longestListedIn(text: string): PhraseMatch<K> | undefined {
    let best: Entry<K> | undefined;
    let bestStart = 0;
    this.scan(text, (entry, start) => {
      const longer = !best || entry.phrase.length > best.phrase.length;
      if (longer || (entry.phrase.length === best!.phrase.length && entry.order < best!.order)) {
        best = entry;
        bestStart = start;
      }
    });
    return best && { key: best.key, phrase: best.phrase, start: bestStart };
  }

  /** Every occurrence of a phrase on its word boundaries, by position in the text; stops when `visit` returns true. */
  private scan(text: string, visit: (entry: Entry<K>, start: number) => boolean | void): void {
    for (const entry of this.empty) if (visit(entry, 0)) return;
    for (let at = 0; at < text.length; at++) {
      const entries = this.byFirstUnit.get(text.charCodeAt(at));
      if (!entries) continue;
      for (const entry of entries) {
        if (!text.startsWith(entry.phrase, at)) continue;
        if (entry.checkStart && isWordUnit(text.charCodeAt(at - 1))) continue;
        if (entry.checkEnd && isWordUnit(text.charCodeAt(at + entry.phrase.length))) continue;
        if (visit(entry, at)) return;
      }
    }
  }
}
