// Flow versions in Redis: a hash of file name → text per version, and a sorted set of versions by save time.
import { FLOW_VERSIONS_INDEX, flowVersionFilesKey } from './keys.js';
import type { RedisConnection } from './redisConnection.js';
import type { FlowVersionStore, StoredVersion } from '../../dialogs/versions/flowVersionStore.js';

export class RedisFlowVersionStore implements FlowVersionStore {
  constructor(private readonly redis: RedisConnection) {}

  async save(version: string, files: ReadonlyMap<string, string>, savedAt: string): Promise<void> {
    await this.redis.guard('flow version save', async () => {
      if (await this.redis.client.exists(flowVersionFilesKey(version))) return;
      await this.redis.client.hset(flowVersionFilesKey(version), Object.fromEntries(files));
      await this.redis.client.zadd(FLOW_VERSIONS_INDEX, 'NX', Date.parse(savedAt), version);
    });
  }

  async load(version: string): Promise<Map<string, string> | undefined> {
    const files = await this.redis.guard('flow version load', () =>
      this.redis.client.hgetall(flowVersionFilesKey(version)),
    );
    return Object.keys(files).length > 0 ? new Map(Object.entries(files)) : undefined;
  }

  async list(): Promise<StoredVersion[]> {
    const flat = await this.redis.guard('flow version list', () =>
      this.redis.client.zrevrange(FLOW_VERSIONS_INDEX, 0, 99, 'WITHSCORES'),
    );
    const versions: StoredVersion[] = [];
    for (let i = 0; i + 1 < flat.length; i += 2)
      versions.push({ version: flat[i]!, savedAt: new Date(Number(flat[i + 1])).toISOString() });
    return versions;
  }
}
