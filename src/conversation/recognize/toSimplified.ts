// Traditional → Simplified exactly as OpenCC converts (Taiwan, then Hong Kong forms), building its large converters
// only when a message may need them: never for ASCII, most Simplified text, or the phrases of the dialogs at load.
import { fullConverter, readOpenCCDictionaries } from './openccDictionaries.js';

type Convert = (text: string) => string;

const DICTIONARIES = readOpenCCDictionaries();
const CHANGING = DICTIONARIES?.charactersThatChange();

/** True when OpenCC could change some character of `text` (always, when its dictionaries cannot be read). */
function mayChange(text: string): boolean {
  if (!CHANGING) return true;
  for (const char of text) if (CHANGING.has(char.codePointAt(0)!)) return true;
  return false;
}

let built: Convert | undefined;
/** Built on first use: loading every dictionary into tries is the slow part. */
const converter = (): Convert => (built ??= fullConverter());

/** Simplified output of OpenCC (Taiwan, then Hong Kong forms), skipped when no character of the text could change. */
export function toSimplified(text: string): string {
  return mayChange(text) ? converter()(text) : text;
}

/**
 * `texts.map(toSimplified)`, for many texts known at once (the phrases of a lexicon): unless the full converter is
 * built already, they are converted by one cut down to the dictionary entries their characters can reach.
 */
export function toSimplifiedAll(texts: readonly string[]): string[] {
  const changing = texts.filter(mayChange);
  if (changing.length === 0) return [...texts];
  const convert =
    built ??
    DICTIONARIES?.restrictedConverter(changing.flatMap((text) => Array.from(text, (char) => char.codePointAt(0)!))) ??
    converter();
  return texts.map((text) => (mayChange(text) ? convert(text) : text));
}
