// A case other writers keep changing: after the replays the turn answers 503, so the channel retries, and nothing is written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { readConfig } from '../../src/config.js';
import { MemoryCaseStore } from '../../src/store/memory/memoryStore.js';
import { openStores } from '../../src/store/openStores.js';
import type { CaseCommit, CommitResult } from '../../src/store/caseStore.js';
import { caseIdFor } from '../../src/conversation/caseIdentity.js';
import { startService, type RunningService } from '../helpers/service.js';

/** Every commit loses the race, as if another instance always wrote first. */
class AlwaysRacedStore extends MemoryCaseStore {
  commits = 0;
  override async commit(_commit: CaseCommit): Promise<CommitResult> {
    this.commits += 1;
    return { ok: false, reason: 'conflict' };
  }
}

describe('a turn that never wins its compare-and-set', () => {
  const store = new AlwaysRacedStore();
  let service: RunningService;
  beforeAll(async () => {
    const memory = await openStores(readConfig({ NODE_ENV: 'test' }), pino({ level: 'silent' }));
    service = await startService({}, { stores: { ...memory, store } });
  });
  afterAll(() => service.stop());

  it('replays 8 times, then 503 with Retry-After; no reply sent, nothing stored', async () => {
    const borrower = service.borrower();
    const response = await fetch(`${service.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(borrower.activity({ text: '你好' })),
    });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(store.commits).toBe(8);
    expect(service.connector.of(borrower.conversationId)).toHaveLength(0);
    expect((await store.load(caseIdFor(borrower.channelId, borrower.conversationId))).record).toBeUndefined();
  });
});
