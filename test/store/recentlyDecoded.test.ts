// The decoded values a store keeps beside their stored form: the same form gives the same object, any change decodes.
import { describe, expect, it } from 'vitest';
import { RecentlyDecoded } from '../../src/store/recentlyDecoded.js';

const decoder = () => {
  let calls = 0;
  const decode = (text: string) => () => {
    calls += 1;
    return { text };
  };
  return { decode, calls: () => calls };
};

describe('RecentlyDecoded', () => {
  it('the same stored bytes read twice – decoded once, the same object both times', () => {
    const recent = new RecentlyDecoded<{ text: string }>(10);
    const { decode, calls } = decoder();
    const first = recent.read('case-1', Buffer.from('abc'), decode('abc'));
    const second = recent.read('case-1', Buffer.from('abc'), decode('abc'));
    expect(second).toBe(first);
    expect(calls()).toBe(1);
  });

  it('bytes that differ by one byte, or under another key – decoded again', () => {
    const recent = new RecentlyDecoded<{ text: string }>(10);
    const { decode, calls } = decoder();
    recent.read('case-1', Buffer.from('abc'), decode('abc'));
    expect(recent.read('case-1', Buffer.from('abd'), decode('abd'))).toEqual({ text: 'abd' });
    expect(recent.read('case-2', Buffer.from('abd'), decode('abd'))).toEqual({ text: 'abd' });
    expect(calls()).toBe(3);
  });

  it('a value remembered as a string and read back as the same bytes (what Redis returns) – not decoded', () => {
    const recent = new RecentlyDecoded<{ text: string }>(10);
    const { decode, calls } = decoder();
    const committed = { text: '{"a":"协商"}' };
    recent.remember('case-1', '{"a":"协商"}', committed);
    expect(recent.read('case-1', Buffer.from('{"a":"协商"}', 'utf8'), decode('x'))).toBe(committed);
    expect(calls()).toBe(0);
  });

  it('more keys than its capacity – keeps only the most recently used, never more than the capacity', () => {
    const recent = new RecentlyDecoded<{ text: string }>(3);
    const { decode, calls } = decoder();
    for (const key of ['a', 'b', 'c']) recent.read(key, key, decode(key));
    recent.read('a', 'a', decode('a'));
    recent.read('d', 'd', decode('d'));
    expect(recent.size).toBe(3);
    expect(calls()).toBe(4);
    recent.read('a', 'a', decode('a'));
    expect(calls()).toBe(4);
    recent.read('b', 'b', decode('b'));
    expect(calls()).toBe(5);
  });

  it('forgotten (an erased case), or capacity 0 – decoded on every read', () => {
    const recent = new RecentlyDecoded<{ text: string }>(10);
    const none = new RecentlyDecoded<{ text: string }>(0);
    const { decode, calls } = decoder();
    recent.read('a', 'a', decode('a'));
    recent.forget('a');
    recent.read('a', 'a', decode('a'));
    none.read('a', 'a', decode('a'));
    none.read('a', 'a', decode('a'));
    expect(calls()).toBe(4);
    expect(none.size).toBe(0);
    expect(() => new RecentlyDecoded(-1)).toThrow(/capacity -1/);
  });
});
