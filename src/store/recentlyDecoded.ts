// The last value decoded (or committed) per key, beside the stored form it came from: a load that reads the same
// stored form again gets the same object back without inflating, parsing or checking it again (issue #19).
import { Buffer } from 'node:buffer';

type Stored = Buffer | string;

/**
 * Bounded: past `capacity` keys the least recently used is dropped. Values handed out are shared, so callers treat
 * them as immutable (the turn pipeline builds every new record by spreading).
 */
export class RecentlyDecoded<T> {
  private readonly entries = new Map<string, { stored: Stored; value: T }>();

  constructor(private readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 0)
      throw new RangeError(`RecentlyDecoded capacity ${capacity}: must be a whole number ≥ 0`);
  }

  get size(): number {
    return this.entries.size;
  }

  /** The value remembered for `key` if it came from exactly `stored`; else `decode()`, remembered for next time. */
  read(key: string, stored: Stored, decode: () => T): T {
    const entry = this.entries.get(key);
    if (entry && sameStored(entry.stored, stored)) {
      this.entries.delete(key);
      this.entries.set(key, entry);
      return entry.value;
    }
    const value = decode();
    this.remember(key, stored, value);
    return value;
  }

  /** `value` is what `stored` decodes to (e.g. the record a commit just wrote). */
  remember(key: string, stored: Stored, value: T): void {
    if (this.capacity === 0) return;
    this.entries.delete(key);
    this.entries.set(key, { stored, value });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }

  forget(key: string): void {
    this.entries.delete(key);
  }
}

function sameStored(a: Stored, b: Stored): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a === b;
  const left = typeof a === 'string' ? Buffer.from(a, 'utf8') : a;
  const right = typeof b === 'string' ? Buffer.from(b, 'utf8') : b;
  return left.equals(right);
}
