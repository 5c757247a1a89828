// Flow versions in Redis: a hash of file name → text per version, a sorted set by save time, a note per published version, the current one.
import { FLOW_VERSIONS_CURRENT, FLOW_VERSIONS_INDEX, flowVersionFilesKey, flowVersionNoteKey } from './keys.js';
import type { RedisConnection } from './redisConnection.js';
import type {
  CurrentVersion,
  FlowVersionStore,
  StoredVersion,
  VersionNote,
} from '../../dialogs/versions/flowVersionStore.js';

export class RedisFlowVersionStore implements FlowVersionStore {
  constructor(private readonly redis: RedisConnection) {}

  async save(
    version: string,
    files: ReadonlyMap<string, string>,
    savedAt: string,
    published?: VersionNote,
  ): Promise<void> {
    await this.redis.guard('flow version save', async () => {
      if (await this.redis.client.exists(flowVersionFilesKey(version))) return;
      // The note first: a version listed is never seen without the note it was published with.
      if (published) await this.redis.client.set(flowVersionNoteKey(version), JSON.stringify(published), 'NX');
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
    if (versions.length === 0) return versions;
    const notes = await this.redis.guard('flow version notes', () =>
      Promise.all(versions.map((v) => this.redis.client.get(flowVersionNoteKey(v.version)))),
    );
    return versions.map((v, i) => (notes[i] ? { ...v, published: JSON.parse(notes[i]) as VersionNote } : v));
  }

  async setCurrent(current: CurrentVersion): Promise<void> {
    await this.redis.guard('flow version current', () =>
      this.redis.client.set(FLOW_VERSIONS_CURRENT, JSON.stringify(current)),
    );
  }

  async current(): Promise<CurrentVersion | undefined> {
    const text = await this.redis.guard('flow version current', () => this.redis.client.get(FLOW_VERSIONS_CURRENT));
    return text ? (JSON.parse(text) as CurrentVersion) : undefined;
  }
}
