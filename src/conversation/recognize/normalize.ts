// Text as the recognisers see it: half-width, Simplified, lower-case, without emoji, single-spaced, capped in length.
import { toSimplified, toSimplifiedAll } from './toSimplified.js';

/** Only this many characters of a message are looked at; the rest is ignored, never an error. */
export const MAX_INPUT_CHARS = 2000;

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

/** What OpenCC is given: the first characters, half-width, without emoji, straight apostrophes, lower-case. */
function plainForm(text: string): string {
  return capLength(text).normalize('NFKC').replace(NOISE, ' ').replace(CURLY_APOSTROPHE, "'").toLowerCase();
}

const singleSpaced = (simplified: string) => capLength(simplified.replace(WHITESPACE, ' ').trim());

/** `"我要轉人工 🙏"` → `"我要转人工"`; `"１２００元"` → `"1200元"`; idempotent. */
export function normalizeText(text: string): string {
  return singleSpaced(toSimplified(plainForm(text)));
}

/** `texts.map(normalizeText)` for phrases read at load (lexicons, FAQ): see toSimplifiedAll. */
export function normalizeTexts(texts: readonly string[]): string[] {
  return toSimplifiedAll(texts.map(plainForm)).map(singleSpaced);
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
