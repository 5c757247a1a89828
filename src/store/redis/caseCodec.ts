// How the Redis case store writes its values: binary deflate (no base64) against a preset dictionary — the record's
// shape for the case record, the locale's prompts for what is mostly sentences; read back in every format written
// before (plain JSON, `z:` base64 deflate, deflate without a dictionary). Levels chosen by bench/measure/caseCodec.ts.
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Locale } from '../../domain/account.js';
import { decodeJson } from '../storedJson.js';
import { CASE_DICTIONARIES_V1 } from './caseDictionaries.js';
import { RECORD_DICTIONARY_V1 } from './recordDictionary.js';

/** First byte of a stored value (JSON never starts with one of these, nor does `z:`). */
const DEFLATED = 0x04;
const WITH_DICTIONARY: Readonly<Record<Locale, number>> = { 'zh-CN': 0x01, 'zh-TW': 0x02, en: 0x03 };
const RECORD_V1 = 0x05;
const DICTIONARIES = new Map<number, Buffer>([
  ...(Object.keys(WITH_DICTIONARY) as Locale[]).map(
    (locale) => [WITH_DICTIONARY[locale], Buffer.from(CASE_DICTIONARIES_V1[locale], 'utf8')] as const,
  ),
  [RECORD_V1, Buffer.from(RECORD_DICTIONARY_V1, 'utf8')],
]);
/** Below this many characters a value is stored as plain JSON: too small to gain. */
const COMPRESS_FROM_CHARS = 64;
/**
 * The record, written on every turn: level 3 against the record's shape is as small as level 6 without a dictionary
 * was at two fifths of the size, and cheaper per call (≈ 800 bytes for an agreed case instead of ≈ 1 700).
 */
const RECORD_LEVEL = 3;
/**
 * A turn's entries, an agreement, a cancellation (small values: the cost is mostly the dictionary's set-up, level 1
 * costs the same and is 15 % larger), and a finished negotiation's whole transcript (level 9 saves under 1 % more).
 */
const VALUE_LEVEL = 6;

function deflated(json: string, format: number, level: number): Buffer {
  const dictionary = DICTIONARIES.get(format);
  const body = deflateRawSync(json, dictionary ? { level, dictionary } : { level });
  const stored = Buffer.allocUnsafe(body.length + 1);
  stored[0] = format;
  body.copy(stored, 1);
  return stored;
}

/** The stored form of a case record: deflated against the record dictionary. */
export function encodeCaseRecord(record: unknown): Buffer | string {
  const json = JSON.stringify(record);
  return json.length < COMPRESS_FROM_CHARS ? json : deflated(json, RECORD_V1, RECORD_LEVEL);
}

/**
 * The stored form of a JSON value of a case. With `locale`, deflated against that locale's prompts (a turn's
 * transcript entries, an agreement: mostly the bot's sentences, ≈ 150 bytes a turn instead of ≈ 370); without,
 * deflated alone.
 */
export function encodeCaseValue(value: unknown, locale?: Locale): Buffer | string {
  const json = JSON.stringify(value);
  if (json.length < COMPRESS_FROM_CHARS) return json;
  return deflated(json, locale ? WITH_DICTIONARY[locale] : DEFLATED, VALUE_LEVEL);
}

/** The stored form of a compacted transcript (`json`: one array of entries), against the locale's prompts. */
export function encodeTranscript(json: string, locale: Locale): Buffer | string {
  return json.length < COMPRESS_FROM_CHARS ? json : deflated(json, WITH_DICTIONARY[locale], VALUE_LEVEL);
}

/** The JSON text of a stored value, whichever format wrote it. */
export function decodeCaseValue(stored: Buffer): string {
  const format = stored[0];
  if (format === DEFLATED) return inflateRawSync(stored.subarray(1)).toString('utf8');
  const dictionary = format === undefined ? undefined : DICTIONARIES.get(format);
  if (dictionary) return inflateRawSync(stored.subarray(1), { dictionary }).toString('utf8');
  return decodeJson(stored.toString('utf8'));
}

/**
 * One JSON array holding the elements of every array in `arrays` (JSON texts), in order, without parsing them;
 * undefined when one of them is not an array.
 */
export function joinJsonArrays(arrays: readonly string[]): string | undefined {
  const parts: string[] = [];
  for (const array of arrays) {
    const text = array.trim();
    if (!text.startsWith('[') || !text.endsWith(']')) return undefined;
    const inner = text.slice(1, -1).trim();
    if (inner !== '') parts.push(inner);
  }
  return `[${parts.join(',')}]`;
}
