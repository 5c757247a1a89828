// Lexicon files (dialogs/lexicon/<locale>.yaml): the phrases that map free text to intents and choices, and how they match.
import { parse } from 'yaml';
import { z } from 'zod';
import { LOCALES, type Locale } from '../domain/account.js';
import { INTERVIEW_FIELDS } from '../domain/hardship.js';
import { ConfigurationError } from '../errors.js';
import { normalizeTexts } from '../conversation/recognize/normalize.js';
import { issueWhere } from '../zodIssues.js';

export const INTENT_NAMES = ['human', 'dispute', 'vulnerability', 'stop', 'explain', 'repeat', 'yes', 'no', 'accept', 'another', 'decline', 'agree', 'softYes', 'hesitate', 'cancelAgreement', 'greeting', 'correction', 'goBack', 'startOver'] as const;
export type IntentName = (typeof INTENT_NAMES)[number];

const PhrasesSchema = z.array(z.string().trim().min(1, 'a phrase cannot be empty'));
const intentShape = Object.fromEntries(INTENT_NAMES.map((name) => [name, PhrasesSchema])) as Record<IntentName, typeof PhrasesSchema>;

export const LexiconSchema = z.strictObject({
  /** Every intent must be listed, even with no phrases, so a misspelt name is caught. */
  intents: z.strictObject(intentShape),
  /** Choice id (as the flow names it) → phrases. */
  choices: z.record(z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'a choice id such as jobLoss'), PhrasesSchema),
  /** Target locale → phrases that ask to continue in it. */
  switchLocale: z.strictObject({ en: PhrasesSchema, 'zh-TW': PhrasesSchema, 'zh-CN': PhrasesSchema }),
  /** Interview answer → the words that name it ("收入", "rent"), for corrections and several facts in one message. */
  fields: z.partialRecord(z.enum(INTERVIEW_FIELDS), PhrasesSchema).default({}),
});
/** A lexicon whose phrases are already normalised (Simplified, lower-case) like the text they are matched against. */
export type Lexicon = z.infer<typeof LexiconSchema>;

/** Parses one lexicon file; every problem names the file and the key. */
export function parseLexicon(yamlText: string, fileName: string): Lexicon {
  let raw: unknown;
  try {
    raw = parse(yamlText);
  } catch (error) {
    throw new ConfigurationError('XS_FLOW_INVALID', `${fileName}: not valid YAML: ${error instanceof Error ? error.message : String(error)}`, error);
  }
  const parsed = LexiconSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issueWhere(issue, '(top level)') : '(top level)';
    throw new ConfigurationError('XS_FLOW_INVALID', `${fileName}: ${where}: ${issue?.message ?? 'invalid'} (a lexicon has intents, choices and switchLocale, each a list of phrases)`);
  }
  const groups = [parsed.data.intents, parsed.data.choices, parsed.data.switchLocale, parsed.data.fields as Record<string, string[]>];
  // Every phrase of the file at once: normalised together, they never need the whole of OpenCC.
  const everyPhrase = groups.flatMap((group) => Object.values(group).flat());
  const normalized = new Map(normalizeTexts(everyPhrase).map((normal, i) => [everyPhrase[i]!, normal]));
  const normalizeAll = (key: string, phrases: string[]): string[] => {
    const out = phrases.map((phrase, index) => {
      const normal = normalized.get(phrase) ?? '';
      if (!normal) throw new ConfigurationError('XS_FLOW_INVALID', `${fileName}: ${key}.${index}: "${phrase}" is empty once emoji and spaces are removed`);
      return normal;
    });
    return [...new Set(out)];
  };
  const mapGroup = <K extends string>(group: string, record: Record<K, string[]>): Record<K, string[]> =>
    Object.fromEntries(Object.entries<string[]>(record).map(([key, phrases]) => [key, normalizeAll(`${group}.${key}`, phrases)])) as Record<K, string[]>;
  return {
    intents: mapGroup('intents', parsed.data.intents),
    choices: mapGroup('choices', parsed.data.choices),
    switchLocale: mapGroup('switchLocale', parsed.data.switchLocale),
    fields: mapGroup('fields', parsed.data.fields as Record<string, string[]>),
  };
}

const inOrder = new WeakMap<Record<Locale, Lexicon>, Map<Locale, readonly Lexicon[]>>();

/** The current locale's lexicon first, then the others: phrases of any language work in any chat. Built once per locale. */
export function lexiconsInOrder(lexicons: Record<Locale, Lexicon>, current: Locale): readonly Lexicon[] {
  let byLocale = inOrder.get(lexicons);
  if (!byLocale) inOrder.set(lexicons, (byLocale = new Map()));
  let ordered = byLocale.get(current);
  if (!ordered) {
    ordered = [current, ...LOCALES.filter((locale) => locale !== current)].flatMap((locale) => (lexicons[locale] ? [lexicons[locale]] : []));
    byLocale.set(current, ordered);
  }
  return ordered;
}

const isWordChar = (ch: string | undefined): boolean => ch !== undefined && /[a-z0-9\u00c0-\u024f]/.test(ch);

/**
 * Where `phrase` first occurs in `text` (both normalised), or -1. A phrase end that is a Latin letter or digit
 * must sit on a word boundary ("no" is not in "know"); Chinese phrases match anywhere.
 */
export function findPhrase(text: string, phrase: string): number {
  const checkStart = isWordChar(phrase[0]);
  const checkEnd = isWordChar(phrase[phrase.length - 1]);
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
    if (checkStart && isWordChar(text[at - 1])) continue;
    if (checkEnd && isWordChar(text[at + phrase.length])) continue;
    return at;
  }
  return -1;
}

export interface PhraseMatch<K extends string> {
  key: K;
  phrase: string;
  start: number;
}

/** The longest phrase of any group found in `text` (so 不同意 beats 同意); ties go to the one found first. */
export function longestMatch<K extends string>(text: string, groups: Iterable<readonly [K, readonly string[]]>): PhraseMatch<K> | undefined {
  let best: PhraseMatch<K> | undefined;
  for (const [key, phrases] of groups) {
    for (const phrase of phrases) {
      if (best && phrase.length < best.phrase.length) continue;
      const start = findPhrase(text, phrase);
      if (start < 0) continue;
      if (!best || phrase.length > best.phrase.length || start < best.start) best = { key, phrase, start };
    }
  }
  return best;
}
