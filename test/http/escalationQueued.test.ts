// An escalation is never lost: queued before the replies go out, again by any later turn while it waits, and by the sweep.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseIdFor } from '../../src/conversation/caseIdentity.js';
import { STORE_KINDS, startService, storeEnv, type RunningService } from '../helpers/service.js';

/** A connector address where nothing listens: every reply of the turn fails to go out. */
const DEAD_CONNECTOR = 'http://127.0.0.1:9';

describe.each(STORE_KINDS)('escalation queueing on the %s store', (kind) => {
  let service: RunningService;
  beforeAll(async () => {
    service = await startService(storeEnv(kind));
  });
  afterAll(() => service.stop());

  it('vulnerability disclosed while the channel cannot take replies – the case is in the queue, urgent', async () => {
    const borrower = service.borrower();
    await borrower.say('你好');
    await borrower.say('我不想活了', { serviceUrl: DEAD_CONNECTOR });
    const caseId = caseIdFor(borrower.channelId, borrower.conversationId);
    expect((await service.app.store.load(caseId)).record?.status).toBe('escalated');
    expect(await service.app.queue.list()).toContainEqual(
      expect.objectContaining({ caseId, reason: 'vulnerability', priority: 'urgent' }),
    );
  });

  it("an escalated case missing from the queue – the borrower's next message queues it again", async () => {
    const borrower = service.borrower();
    await borrower.say('你好');
    await borrower.say('人工');
    const caseId = caseIdFor(borrower.channelId, borrower.conversationId);
    await service.app.queue.remove(caseId);
    expect((await borrower.say('还在吗')).status).toBe(200);
    expect(await service.app.queue.list()).toContainEqual(
      expect.objectContaining({ caseId, reason: 'humanRequested' }),
    );
  });

  it('an escalated case missing from the queue, the borrower silent – the periodic sweep queues it again', async () => {
    const borrower = service.borrower();
    await borrower.say('你好');
    await borrower.say('我要投诉，这笔钱不是我借的');
    const caseId = caseIdFor(borrower.channelId, borrower.conversationId);
    await service.app.queue.remove(caseId);
    expect((await service.app.sweepQueue()).requeued).toContain(caseId);
    expect(await service.app.queue.list()).toContainEqual(expect.objectContaining({ caseId }));
    expect((await service.app.sweepQueue()).requeued).not.toContain(caseId);
  });

  it('an instance that died after saving an escalation, before queueing it – the sweep queues the case', async () => {
    const borrower = service.borrower();
    await borrower.say('你好');
    const caseId = caseIdFor(borrower.channelId, borrower.conversationId);
    const { record, version } = await service.app.store.load(caseId);
    const handoff = {
      reason: 'vulnerability' as const,
      priority: 'urgent' as const,
      queuedAt: new Date().toISOString(),
    };
    // What the dead instance's commit left behind: escalated, and nothing in the queue.
    await service.app.store.commit({
      caseId,
      expectedVersion: version,
      record: { ...record!, status: 'escalated', handoff },
      append: [],
    });
    expect(await service.app.queue.list()).not.toContainEqual(expect.objectContaining({ caseId }));
    await service.app.sweepQueue();
    expect(await service.app.queue.list()).toContainEqual(
      expect.objectContaining({ caseId, reason: 'vulnerability', priority: 'urgent' }),
    );
  });

  it('a queued case that no longer exists (expired) – the sweep takes it out of the queue', async () => {
    const borrower = service.borrower();
    await borrower.say('你好');
    await borrower.say('人工');
    const caseId = caseIdFor(borrower.channelId, borrower.conversationId);
    await service.app.store.erase(caseId);
    expect((await service.app.sweepQueue()).removed).toContain(caseId);
    expect(await service.app.queue.list()).not.toContainEqual(expect.objectContaining({ caseId }));
  });

  it('a person asked for after typing an account reference, unverified – handoff.initiate carries no account reference', async () => {
    const borrower = service.borrower();
    await borrower.say('你好');
    await borrower.say('LN-2024-0001');
    const { replies } = await borrower.say('人工');
    const initiate = replies.find((reply) => reply.type === 'event' && reply.name === 'handoff.initiate');
    expect(initiate?.value).toMatchObject({ reason: 'humanRequested' });
    expect(JSON.stringify(initiate?.value)).not.toContain('LN-2024-0001');
  });
});
