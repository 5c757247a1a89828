// Text as the recognisers see it: half-width, Simplified, lower-case, without emoji, single-spaced, capped in length.
import * as OpenCC from 'opencc-js';
import { z } from 'zod';

/** Only this many characters of a message are looked at; the rest is ignored, never an error. */
export const MAX_INPUT_CHARS = 2000;

// Built once: loading the dictionaries is the slow part (tens of milliseconds).
const fromTaiwan = OpenCC.Converter({ from: 'tw', to: 'cn' });
const fromHongKong = OpenCC.Converter({ from: 'hk', to: 'cn' });

type Dictionary = string | readonly (readonly [string, string])[];
type Chains = { normalizationChain?: Dictionary[][]; segmentation?: unknown; conversionChain: Dictionary[][] };
/** opencc-js keeps its dictionaries in `Locale.configs` without typing them: checked in shape, not entry by entry. */
const DictionarySchema = z.custom<Dictionary>((value) => typeof value === 'string' || Array.isArray(value));
const ConfigsSchema = z.record(
  z.string(),
  z.looseObject({
    normalizationChain: z.array(z.array(DictionarySchema)).optional(),
    conversionChain: z.array(z.array(DictionarySchema)),
  }),
);

/**
 * Every character a dictionary entry of these conversions needs in the text to change it: where an entry keeps
 * its length, the characters it replaces; otherwise all of its characters. A text with none of them is left as it
 * is by every stage (an entry that changes something cannot match it), so OpenCC need not run on it — most
 * Simplified and all ASCII messages. Undefined when this opencc-js does not expose its dictionaries: always convert.
 */
function charactersThatChange(names: readonly string[]): Set<number> | undefined {
  const configs = ConfigsSchema.safeParse(Reflect.get(OpenCC.Locale, 'configs')).data;
  const chains = names.map((name) => configs?.[name]);
  if (chains.some((chain) => chain === undefined)) return undefined;
  const changing = new Set<number>();
  const add = (from: string, to: string) => {
    if (from === to) return;
    const source = [...from];
    const target = [...to];
    source.forEach((char, i) => {
      if (source.length !== target.length || char !== target[i]) changing.add(char.codePointAt(0)!);
    });
  };
  for (const chain of chains as Chains[])
    for (const group of [...(chain.normalizationChain ?? []), ...chain.conversionChain])
      for (const dictionary of group) {
        if (typeof dictionary !== 'string') for (const [from, to] of dictionary) add(from, to);
        else
          for (const entry of dictionary.split('|')) {
            const [from = '', to = ''] = entry.split(' ');
            add(from, to);
          }
      }
  return changing;
}

const CHANGING = charactersThatChange(['tw2s', 'hk2s']);

/** Simplified output of OpenCC (Taiwan, then Hong Kong forms), skipped when no character of the text could change. */
export function toSimplified(text: string): string {
  if (CHANGING) {
    let mayChange = false;
    for (const char of text)
      if (CHANGING.has(char.codePointAt(0)!)) {
        mayChange = true;
        break;
      }
    if (!mayChange) return text;
  }
  return fromHongKong(fromTaiwan(text));
}

// Emoji and their modifiers and joiners, control, format and private-use characters, lone surrogates.
const NOISE =
  /[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\p{Cc}\p{Cf}\p{Co}\p{Cs}\u{fe0e}\u{fe0f}\u{20e3}]/gu;
const CURLY_APOSTROPHE = /[\u2018\u2019\u02bc]/g;
const WHITESPACE = /\s+/g;

/** The first `max` characters, without cutting a surrogate pair in half. */
export function capLength(text: string, max = MAX_INPUT_CHARS): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

/** `"我要轉人工 🙏"` → `"我要转人工"`; `"１２００元"` → `"1200元"`; idempotent. */
export function normalizeText(text: string): string {
  const plain = capLength(text).normalize('NFKC').replace(NOISE, ' ').replace(CURLY_APOSTROPHE, "'").toLowerCase();
  return capLength(toSimplified(plain).replace(WHITESPACE, ' ').trim());
}

/** Labels kept normalised; past this many (labels are rendered from the prompts, a small set) the memory starts again. */
const LABELS_KEPT = 1000;
const normalizedLabels = new Map<string, string>();

/** `normalizeText` of a button label, each label normalised once rather than on every turn it is shown. */
export function normalizeLabel(label: string): string {
  let normal = normalizedLabels.get(label);
  if (normal === undefined) {
    if (normalizedLabels.size >= LABELS_KEPT) normalizedLabels.clear();
    normalizedLabels.set(label, (normal = normalizeText(label)));
  }
  return normal;
}

/** A message as compared whole with a phrase: spaces, end punctuation and dashes aside; a question mark stays. */
export function wholeForm(text: string): string {
  return text.replace(/[\s,，.。!！~～、;；:：'"“”‘’…—–-]+/g, '');
}
