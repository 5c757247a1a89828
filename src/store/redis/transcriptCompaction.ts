// A case's transcript once its negotiation is over: the commits listed one by one (each deflated alone, what a turn can
// afford to write) become one value deflated as a whole, kept in the case hash. The list's per-element overhead and each
// value's own deflate stream were most of a finished negotiation's transcript (≈ 2.7 KiB listed, ≈ 1.3 KiB compacted).
import type { Locale } from '../../domain/account.js';
import { decodeCaseValue, encodeTranscript, joinJsonArrays } from './caseCodec.js';

/**
 * Once a case has a compacted transcript, commits after it are listed until this many wait (and at least half as many
 * as were compacted), then compacted together: a plan's or a desk's commits do not each rewrite the whole transcript,
 * and the compacted part grows by half at least each time, so a long transcript is rewritten a handful of times.
 */
export const COMPACT_EVERY = 8;

/**
 * The compacted transcript (`t`, '' for none yet) followed by the listed commits, as one stored value; undefined when
 * one of them is not a list of entries (left as it is: reading it reports the value).
 */
export function compactTranscript(
  compacted: Buffer,
  listed: readonly Buffer[],
  locale: Locale,
): Buffer | string | undefined {
  const arrays = (compacted.length > 0 ? [compacted, ...listed] : listed).map(decodeCaseValue);
  const json = joinJsonArrays(arrays);
  return json === undefined ? undefined : encodeTranscript(json, locale);
}
