// What recognition asks of the lexicons every turn, answered from indexes built once per lexicon (lexicons do not
// change once parsed: a new dialogs version is new lexicon objects, and the old ones are collected with it).
import { wholeForm } from '../conversation/recognize/normalize.js';
import type { IntentName, Lexicon, PhraseMatch } from './lexicon.js';
import { PhraseIndex } from './phraseIndex.js';

type Part = 'intents' | 'choices' | 'fields' | 'switchLocale';

/** Per lexicon: its indexes by part and selection of groups, its phrase sets by shape and intent. */
const built = new WeakMap<Lexicon, Map<string, Map<string, unknown>>>();

/** Selections kept per part: the flow's lists of choices are a few dozen; past this, indexes are built and not kept. */
const KEPT_PER_PART = 500;

/** What `build` gives for `lexicon`, built on first use; `space` and `key` are strings that exist already (no key is built). */
function cached<T>(lexicon: Lexicon, space: string, key: string, build: () => T): T {
  let spaces = built.get(lexicon);
  if (!spaces) built.set(lexicon, (spaces = new Map()));
  let byKey = spaces.get(space);
  if (!byKey) spaces.set(space, (byKey = new Map()));
  const kept = byKey.get(key) as T | undefined;
  if (kept !== undefined) return kept;
  const value = build();
  if (byKey.size < KEPT_PER_PART) byKey.set(key, value);
  return value;
}

/** The groups `keys` of `lexicon[part]` that it has, in that order; without `keys`, all of them in the lexicon's order. */
export function phraseIndexOf<K extends string>(lexicon: Lexicon, part: Part, keys?: readonly K[]): PhraseIndex<K> {
  const selection = keys === undefined ? '*' : keys.length === 1 ? keys[0]! : keys.join('\u0000');
  return cached(lexicon, part, selection, () => {
    const groups: Record<string, string[]> = lexicon[part];
    const names = keys ?? (Object.keys(groups) as K[]);
    return new PhraseIndex(names.flatMap((key) => (Object.hasOwn(groups, key) ? [[key, groups[key]!] as const] : [])));
  });
}

/** Whether the text says a phrase of `intent` in any of the lexicons. */
export function saysIntent(text: string, lexicons: readonly Lexicon[], intent: IntentName): boolean {
  return lexicons.some((lexicon) => phraseIndexOf(lexicon, 'intents', [intent]).has(text));
}

/** The first of `intents` (highest priority first) that the text says in any of the lexicons. */
export function firstIntentSaid<K extends IntentName>(
  text: string,
  lexicons: readonly Lexicon[],
  intents: readonly K[],
): K | undefined {
  let first: number | undefined;
  for (const lexicon of lexicons) {
    const said = phraseIndexOf(lexicon, 'intents', intents).firstGroupIn(text);
    if (said !== undefined && (first === undefined || intents.indexOf(said) < first)) first = intents.indexOf(said);
  }
  return first === undefined ? undefined : intents[first];
}

/**
 * `longestMatch` over the groups `keys` of `lexicon[part]` of each lexicon in turn (all of them without `keys`): the
 * longest phrase, then the one found first, then the earlier lexicon.
 */
export function longestPhrase<K extends string>(
  text: string,
  lexicons: readonly Lexicon[],
  part: Part,
  keys?: readonly K[],
): PhraseMatch<K> | undefined {
  let best: PhraseMatch<K> | undefined;
  for (const lexicon of lexicons) {
    const match = phraseIndexOf(lexicon, part, keys).longestIn(text);
    if (!match) continue;
    const longer = !best || match.phrase.length > best.phrase.length;
    if (longer || (match.phrase.length === best!.phrase.length && match.start < best!.start)) best = match;
  }
  return best;
}

const SHAPES = {
  /** As `wholeForm` leaves a message: spaces, end punctuation and dashes aside. */
  whole: wholeForm,
  unspaced: (phrase: string) => phrase.replace(/\s+/g, ''),
} satisfies Record<string, (phrase: string) => string>;

/** The phrases of `intent` in one shape (`wholeForm`, or without spaces), to compare a whole message with. */
export function phraseShapes(lexicon: Lexicon, intent: IntentName, shape: keyof typeof SHAPES): ReadonlySet<string> {
  return cached(lexicon, shape, intent, () => new Set(lexicon.intents[intent].map(SHAPES[shape])));
}

/** Whether a message in `wholeForm` is, whole, a phrase of `intent` of any of the lexicons. */
export function isWholePhrase(whole: string, lexicons: readonly Lexicon[], intent: IntentName): boolean {
  return lexicons.some((lexicon) => phraseShapes(lexicon, intent, 'whole').has(whole));
}
