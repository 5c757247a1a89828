// Every key of a case carries the case's hash tag, so on Redis Cluster a case's keys share one slot and its scripts run.
import { describe, expect, it } from 'vitest';
import { caseIdFor } from '../../../src/conversation/caseIdentity.js';
import { caseKeys, caseTag } from '../../../src/store/redis/keys.js';

/** The part of a key Redis Cluster hashes: the text inside the first `{…}` when it is not empty, else the whole key. */
function hashedPart(key: string): string {
  const open = key.indexOf('{');
  const close = open < 0 ? -1 : key.indexOf('}', open + 1);
  return close > open + 1 ? key.slice(open + 1, close) : key;
}

describe('store/redis/keys', () => {
  const caseIds = [caseIdFor('msteams', '19:abc'), caseIdFor('webchat', 'dl_x'), caseIdFor('line', 'U1234'), 'case-1'];

  it.each(caseIds)('case %s – every one of its keys hashes on the case id alone', (caseId) => {
    const keys = Object.values(caseKeys(caseId));
    expect(keys.length).toBeGreaterThanOrEqual(4);
    for (const key of keys) {
      expect(key.startsWith(caseTag(caseId)), key).toBe(true);
      expect(hashedPart(key), key).toBe(caseId);
    }
  });

  it('an empty case id – refused, it would put every case on one slot', () => {
    expect(() => caseKeys('')).toThrow(/caseId must not be empty/);
  });
});
