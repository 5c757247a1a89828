// How a case lies in Redis: a finished negotiation's transcript compacted into the case hash, activity ids hashed,
// agreements by recipe; and cases written in the earlier layout read back and compacted all the same.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseStatus } from '../../../src/domain/case.js';
import type { TranscriptEntry } from '../../../src/domain/transcript.js';
import { decodeCaseValue, encodeCaseValue } from '../../../src/store/redis/caseCodec.js';
import { caseKeys } from '../../../src/store/redis/keys.js';
import { RedisCaseStore } from '../../../src/store/redis/redisCaseStore.js';
import { RedisConnection } from '../../../src/store/redis/redisConnection.js';
import { encodeJson } from '../../../src/store/storedJson.js';
import { COMPACT_EVERY } from '../../../src/store/redis/transcriptCompaction.js';
import { probeRedis } from '../../helpers/redisAvailability.js';
import { agreement, caseRecord, entry } from '../caseStore.contract.js';

const redis = await probeRedis();
const PREFIX = `xs-test-layout-${randomUUID().slice(0, 8)}:`;

describe.skipIf(!redis.available)('the Redis layout of a case', () => {
  let admin: Redis;
  let connection: RedisConnection;
  let store: RedisCaseStore;
  beforeAll(async () => {
    admin = new Redis(redis.url);
    connection = new RedisConnection({ url: redis.url, keyPrefix: PREFIX }, { warn() {}, info() {} });
    await connection.whenReady();
    store = new RedisCaseStore(connection, { retention: () => 600 });
  });
  afterAll(async () => {
    const keys = await admin.keys(`${PREFIX}*`);
    if (keys.length > 0) await admin.del(...keys);
    await store.close();
    admin.disconnect();
  });

  const key = (caseId: string, name: keyof ReturnType<typeof caseKeys>) => PREFIX + caseKeys(caseId)[name];
  const turn = (n: number): TranscriptEntry[] => [entry(`borrower ${n}`), entry(`bot ${n}`, 'bot')];

  /** Commits each turn's entries in `status`, from version `from`; returns the next version. */
  async function commitTurns(caseId: string, from: number, turns: TranscriptEntry[][], status: CaseStatus = 'active') {
    let version = from;
    for (const append of turns) {
      const result = await store.commit({
        caseId,
        expectedVersion: version,
        record: caseRecord(caseId, { status }),
        append,
      });
      expect(result.ok).toBe(true);
      version += 1;
    }
    return version;
  }

  it('a negotiation that ends – listed commit by commit while it goes on, then compacted into one value of the case hash on the first commit after it; the transcript reads the same', async () => {
    const caseId = `case-${randomUUID()}`;
    const turns = Array.from({ length: 6 }, (_, n) => turn(n));
    const version = await commitTurns(caseId, 0, turns);
    expect(await admin.llen(key(caseId, 'transcript'))).toBe(6);
    const before = await store.transcript(caseId);
    expect(before).toEqual(turns.flat());

    await store.commit({
      caseId,
      expectedVersion: version,
      record: caseRecord(caseId, { status: 'closed' }),
      append: [entry('closed', 'system')],
    });
    expect(await admin.exists(key(caseId, 'transcript'))).toBe(0);
    expect(await admin.hget(key(caseId, 'record'), 'tn')).toBe('7');
    expect(await store.transcript(caseId)).toEqual([...before, entry('closed', 'system')]);
    // The case hash keeps its retention.
    expect(await admin.ttl(key(caseId, 'record'))).toBeGreaterThan(590);
  });

  it(`commits after the compaction – listed until ${COMPACT_EVERY} wait, then compacted with the rest; an agreement's own commit does not compact (the plan's start does)`, async () => {
    const caseId = `case-${randomUUID()}`;
    let version = await commitTurns(caseId, 0, [turn(0), turn(1)]);
    await store.commit({
      caseId,
      expectedVersion: version++,
      record: caseRecord(caseId, { status: 'agreed' }),
      append: turn(2),
      agreement: agreement(caseId, 'AGR-1'),
    });
    expect(await admin.llen(key(caseId, 'transcript'))).toBe(3);
    version = await commitTurns(caseId, version, [turn(3)], 'agreed');
    expect(await admin.llen(key(caseId, 'transcript'))).toBe(0);
    version = await commitTurns(
      caseId,
      version,
      Array.from({ length: COMPACT_EVERY - 1 }, (_, n) => turn(4 + n)),
      'agreed',
    );
    expect(await admin.llen(key(caseId, 'transcript'))).toBe(COMPACT_EVERY - 1);
    await commitTurns(caseId, version, [turn(99)], 'agreed');
    expect(await admin.llen(key(caseId, 'transcript'))).toBe(0);
    const expected = [0, 1, 2, 3, ...Array.from({ length: COMPACT_EVERY - 1 }, (_, n) => 4 + n), 99].flatMap(turn);
    expect(await store.transcript(caseId)).toEqual(expected);
    expect(store.stats.compactionsFailed).toBe(0);
  });

  it('a listed commit that is not a list of entries – the closing commit succeeds, the transcript stays listed, the failure is reported with the case id', async () => {
    const failures: string[] = [];
    const reporting = new RedisCaseStore(connection, { onCompactionFailed: (caseId) => failures.push(caseId) });
    const caseId = `case-${randomUUID()}`;
    const version = await commitTurns(caseId, 0, [turn(1)]);
    await admin.rpush(key(caseId, 'transcript'), '{"not":"a list of entries"}');
    const closed = await reporting.commit({
      caseId,
      expectedVersion: version,
      record: caseRecord(caseId, { status: 'closed' }),
      append: [entry('closed', 'system')],
    });
    expect(closed.ok).toBe(true);
    expect(failures).toEqual([caseId]);
    expect(reporting.stats.compactionsFailed).toBe(1);
    expect(await admin.llen(key(caseId, 'transcript'))).toBe(3);
  });

  it('a compaction that comes too late (another one, or an erasure, came first) – writes nothing', async () => {
    const caseId = `case-${randomUUID()}`;
    await commitTurns(caseId, 0, [turn(0), turn(1)]);
    await commitTurns(caseId, 2, [turn(2)], 'closed');
    const transcript = await store.transcript(caseId);
    const stale = encodeCaseValue([entry('stale')], 'zh-CN');
    const { record, transcript: tx } = caseKeys(caseId);
    expect(await connection.client.xsCompact(record, tx, 0, 0, stale)).toBe(0);
    expect(await store.transcript(caseId)).toEqual(transcript);
    await store.erase(caseId);
    expect(await connection.client.xsCompact(record, tx, 3, 0, stale)).toBe(0);
    expect(await admin.exists(key(caseId, 'record'))).toBe(0);
  });

  it('an activity id – kept as an 8-byte hash, still a duplicate when delivered again; an agreement – stored with its offer by recipe, read back whole', async () => {
    const caseId = `case-${randomUUID()}`;
    const activityId = `act-${'x'.repeat(60)}`;
    const recorded = agreement(caseId, 'AGR-1');
    await store.commit({
      caseId,
      expectedVersion: 0,
      record: caseRecord(caseId),
      append: [],
      activityId,
      agreement: recorded,
    });
    const members = await admin.zrangeBuffer(key(caseId, 'seen'), '0', '-1');
    expect(members.map((member) => member.length)).toEqual([8]);
    expect((await store.load(caseId, activityId)).duplicate).toBe(true);
    expect((await store.load(caseId, `${activityId}-other`)).duplicate).toBe(false);
    const stored = JSON.parse(decodeCaseValue((await admin.getBuffer(key(caseId, 'agreement')))!)) as {
      offer: Record<string, unknown>;
    };
    expect(stored.offer).not.toHaveProperty('schedule');
    expect(stored.offer).toHaveProperty('recipe');
    expect(await store.agreement(caseId)).toEqual(recorded);
  });

  it('a case written in the earlier layout (record deflated alone or base64, whole activity ids, plain and deflated commits, agreement with its schedule) – loads, knows its activity ids, reads back whole, then compacts', async () => {
    const caseId = `case-${randomUUID()}`;
    const record = caseRecord(caseId, { status: 'escalated' });
    const recorded = agreement(caseId, 'AGR-OLD');
    await admin.hset(key(caseId, 'record'), 'v', '3', 'r', encodeJson(record));
    await admin.rpush(
      key(caseId, 'transcript'),
      JSON.stringify([entry('hi')]),
      encodeCaseValue(turn(1), 'zh-CN'),
      encodeCaseValue(turn(2)),
    );
    await admin.set(key(caseId, 'agreement'), encodeCaseValue(recorded, 'zh-CN'));
    await admin.zadd(key(caseId, 'seen'), String(Date.now() + 60_000), 'act-old-1');

    const loaded = await store.load(caseId, 'act-old-1');
    expect(loaded).toMatchObject({ record, version: 3, duplicate: true });
    expect(await store.agreement(caseId)).toEqual(recorded);
    const transcript = [entry('hi'), ...turn(1), ...turn(2)];
    expect(await store.transcript(caseId)).toEqual(transcript);

    await store.commit({ caseId, expectedVersion: 3, record, append: turn(3), activityId: 'act-new' });
    expect(await admin.exists(key(caseId, 'transcript'))).toBe(0);
    expect(await store.transcript(caseId)).toEqual([...transcript, ...turn(3)]);
    expect((await store.load(caseId, 'act-old-1')).duplicate).toBe(true);
    expect((await store.load(caseId, 'act-new')).duplicate).toBe(true);
    expect((await store.load(caseId)).record).toEqual(record);
  });
});
