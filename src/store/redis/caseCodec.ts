// How the Redis case store writes its values: binary deflate with a preset dictionary (no base64), read back with
// every format written before (plain JSON, `z:` base64 deflate).
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { decodeJson } from '../storedJson.js';
import { CASE_DICTIONARY_V1 } from './caseDictionaries.js';

/** First byte of a value deflated with CASE_DICTIONARY_V1 (JSON never starts with it, nor does `z:`). */
const DICTIONARY_V1 = 0x01;
const DICTIONARY = Buffer.from(CASE_DICTIONARY_V1, 'utf8');
/** Below this many characters a value is stored as plain JSON: too small to gain. */
const COMPRESS_FROM_CHARS = 64;
/**
 * Level 6 and the full window: records carry offers with their schedules (≈ 25 KB of JSON) that level 1 with a small
 * window left at a fifth; the dictionary holds every prompt, so a turn's transcript entries shrink to ≈ 150 bytes.
 */
const DEFLATE = { level: 6, dictionary: DICTIONARY } as const;

/** The stored form of a JSON value. */
export function encodeCaseValue(value: unknown): Buffer | string {
  const json = JSON.stringify(value);
  if (json.length < COMPRESS_FROM_CHARS) return json;
  const deflated = deflateRawSync(json, DEFLATE);
  const stored = Buffer.allocUnsafe(deflated.length + 1);
  stored[0] = DICTIONARY_V1;
  deflated.copy(stored, 1);
  return stored;
}

/** The JSON text of a stored value, whichever format wrote it. */
export function decodeCaseValue(stored: Buffer): string {
  if (stored[0] === DICTIONARY_V1)
    return inflateRawSync(stored.subarray(1), { dictionary: DICTIONARY }).toString('utf8');
  return decodeJson(stored.toString('utf8'));
}
