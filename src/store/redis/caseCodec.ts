// How the Redis case store writes its values: binary deflate (no base64), with the locale's prompts as a preset
// dictionary for what is mostly sentences; read back in every format written before (plain JSON, `z:` base64 deflate).
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Locale } from '../../domain/account.js';
import { decodeJson } from '../storedJson.js';
import { CASE_DICTIONARIES_V1 } from './caseDictionaries.js';

/** First byte of a stored value (JSON never starts with one of these, nor does `z:`). */
const DEFLATED = 0x04;
const WITH_DICTIONARY: Readonly<Record<Locale, number>> = { 'zh-CN': 0x01, 'zh-TW': 0x02, en: 0x03 };
const DICTIONARIES = new Map<number, Buffer>(
  (Object.keys(WITH_DICTIONARY) as Locale[]).map((locale) => [
    WITH_DICTIONARY[locale],
    Buffer.from(CASE_DICTIONARIES_V1[locale], 'utf8'),
  ]),
);
/** Below this many characters a value is stored as plain JSON: too small to gain. */
const COMPRESS_FROM_CHARS = 64;
/**
 * Level 6 with the full window: a record carries offers with their schedules (≈ 25 KB of JSON, mostly numbers) that
 * level 1 with a 4 KiB window left at a fifth; this takes a seventh at about the same CPU.
 */
const LEVEL = 6;

/**
 * The stored form of a JSON value. With `locale`, deflated against that locale's prompts (a turn's transcript
 * entries, an agreement: mostly the bot's sentences, ≈ 150 bytes a turn instead of ≈ 370); without, deflated alone
 * (the case record: numbers, for which the dictionary gains little and costs its set-up on every call).
 */
export function encodeCaseValue(value: unknown, locale?: Locale): Buffer | string {
  const json = JSON.stringify(value);
  if (json.length < COMPRESS_FROM_CHARS) return json;
  const format = locale ? WITH_DICTIONARY[locale] : DEFLATED;
  const dictionary = DICTIONARIES.get(format);
  const deflated = deflateRawSync(json, dictionary ? { level: LEVEL, dictionary } : { level: LEVEL });
  const stored = Buffer.allocUnsafe(deflated.length + 1);
  stored[0] = format;
  deflated.copy(stored, 1);
  return stored;
}

/** The JSON text of a stored value, whichever format wrote it. */
export function decodeCaseValue(stored: Buffer): string {
  const format = stored[0];
  if (format === DEFLATED) return inflateRawSync(stored.subarray(1)).toString('utf8');
  const dictionary = format === undefined ? undefined : DICTIONARIES.get(format);
  if (dictionary) return inflateRawSync(stored.subarray(1), { dictionary }).toString('utf8');
  return decodeJson(stored.toString('utf8'));
}
