// Text as the recognisers see it: half-width, Simplified, lower-case, without emoji, single-spaced, capped in length.
import * as OpenCC from 'opencc-js';

/** Only this many characters of a message are looked at; the rest is ignored, never an error. */
export const MAX_INPUT_CHARS = 2000;

// Built once: loading the dictionaries is the slow part (tens of milliseconds).
const fromTaiwan = OpenCC.Converter({ from: 'tw', to: 'cn' });
const fromHongKong = OpenCC.Converter({ from: 'hk', to: 'cn' });

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
  return capLength(fromHongKong(fromTaiwan(plain)).replace(WHITESPACE, ' ').trim());
}

/** A message as compared whole with a phrase: spaces, end punctuation and dashes aside; a question mark stays. */
export function wholeForm(text: string): string {
  return text.replace(/[\s,，.。!！~～、;；:：'"“”‘’…—–-]+/g, '');
}
