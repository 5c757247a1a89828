// The desk index in Redis: one hash of case id → summary JSON, shared by every instance.
import { DeskCaseSchema, type DeskCase, type DeskIndex } from '../../handoff/deskIndex.js';
import { DESK_INDEX_KEY } from './keys.js';
import type { RedisConnection } from './redisConnection.js';

export class RedisDeskIndex implements DeskIndex {
  constructor(private readonly connection: RedisConnection) {}
  async put(summary: DeskCase): Promise<void> {
    const valid = DeskCaseSchema.parse(summary);
    await this.connection.guard('index desk case', () =>
      this.connection.client.hset(DESK_INDEX_KEY, valid.caseId, JSON.stringify(valid)),
    );
  }
  async get(caseId: string): Promise<DeskCase | undefined> {
    const json = await this.connection.guard('read desk case', () =>
      this.connection.client.hget(DESK_INDEX_KEY, caseId),
    );
    return json ? DeskCaseSchema.parse(JSON.parse(json)) : undefined;
  }
  async list(): Promise<DeskCase[]> {
    const all = await this.connection.guard('list desk cases', () => this.connection.client.hvals(DESK_INDEX_KEY));
    return all.map((json) => DeskCaseSchema.parse(JSON.parse(json)));
  }
  async remove(caseId: string): Promise<void> {
    await this.connection.guard('forget desk case', () => this.connection.client.hdel(DESK_INDEX_KEY, caseId));
  }
}
