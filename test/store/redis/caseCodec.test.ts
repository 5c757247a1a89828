// The stored forms of a case's values: each read back exactly, whichever format wrote it, and transcripts joined
// without parsing them.
import { describe, expect, it } from 'vitest';
import {
  decodeCaseValue,
  encodeCaseRecord,
  encodeCaseValue,
  encodeTranscript,
  joinJsonArrays,
} from '../../../src/store/redis/caseCodec.js';
import { encodeJson } from '../../../src/store/storedJson.js';
import { caseRecord, entry } from '../caseStore.contract.js';

const bytes = (stored: Buffer | string) => (typeof stored === 'string' ? Buffer.from(stored, 'utf8') : stored);

describe('store/redis/caseCodec', () => {
  const record = caseRecord('c-codec', { status: 'agreed', agreementRef: 'XS-20261130-ABCDEF' });
  const entries = [entry('你好'), entry('您好，我是星河消费金融的自动协商助手。', 'bot')];

  it('a record – stored against the record dictionary (format 5), smaller than deflated alone, read back exactly', () => {
    const stored = bytes(encodeCaseRecord(record));
    expect(stored[0]).toBe(0x05);
    expect(stored.length).toBeLessThan(bytes(encodeCaseValue(record)).length);
    expect(JSON.parse(decodeCaseValue(stored))).toEqual(record);
  });

  it('every format written before – plain JSON, `z:` base64, deflate alone, against a locale – read back exactly', () => {
    for (const stored of [
      JSON.stringify(record),
      encodeJson(record),
      encodeCaseValue(record),
      encodeCaseValue(record, 'zh-TW'),
    ])
      expect(JSON.parse(decodeCaseValue(bytes(stored)))).toEqual(record);
  });

  it('a compacted transcript – the listed commits joined without parsing, empty ones dropped, read back as one list', () => {
    const listed = [[entries[0]], [], entries, [entries[1]]].map((turn) => bytes(encodeCaseValue(turn, 'zh-CN')));
    const joined = joinJsonArrays(listed.map(decodeCaseValue));
    expect(JSON.parse(joined!)).toEqual([entries[0], ...entries, entries[1]]);
    expect(JSON.parse(decodeCaseValue(bytes(encodeTranscript(joined!, 'en'))))).toEqual(JSON.parse(joined!));
    expect(joinJsonArrays([])).toBe('[]');
    expect(joinJsonArrays([' [1] ', '[ ]', '[2,3]'])).toBe('[1,2,3]');
  });

  it('a listed value that is not a list – nothing joined', () => {
    expect(joinJsonArrays(['[1]', '{"text":"x"}'])).toBeUndefined();
  });
});
