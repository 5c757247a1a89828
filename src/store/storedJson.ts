// How JSON values are stored (Redis and memory): plain when small, deflated and base64-encoded (prefix `z:`) when large.
import { deflateRawSync, inflateRawSync } from 'node:zlib';

/** Below this many characters compression saves too little to be worth the CPU. */
const COMPRESS_FROM_CHARS = 512;
const PREFIX = 'z:';
/** Values are a few KiB: a small window and little memory halve the cost of each call (mostly zlib's set-up). */
const DEFLATE = { level: 1, windowBits: 12, memLevel: 4 } as const;

/** A case record with its machine snapshot (offers, schedules) shrinks to about a fifth this way. */
export function encodeJson(value: unknown): string {
  const json = JSON.stringify(value);
  if (json.length < COMPRESS_FROM_CHARS) return json;
  return PREFIX + deflateRawSync(json, DEFLATE).toString('base64');
}

/** Reads what `encodeJson` wrote, and plain JSON written before compression existed. */
export function decodeJson(stored: string): string {
  return stored.startsWith(PREFIX)
    ? inflateRawSync(Buffer.from(stored.slice(PREFIX.length), 'base64')).toString('utf8')
    : stored;
}
