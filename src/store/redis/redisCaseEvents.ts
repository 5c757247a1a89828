// Case events across instances: one Redis pub/sub channel (under the key prefix), a dedicated subscriber connection.
import { EventEmitter } from 'node:events';
import { Cluster } from 'ioredis';
import type { Logger } from 'pino';
import { channels } from './keys.js';
import type { RedisClient, RedisConnection } from './redisConnection.js';
import { CaseEventSchema, type CaseEvent, type CaseEventListener, type CaseEvents } from '../../handoff/caseEvents.js';

export class RedisCaseEvents implements CaseEvents {
  private readonly emitter = new EventEmitter().setMaxListeners(0);
  private readonly subscriber: RedisClient;
  private readonly subscribed: Promise<void>;
  readonly channel: string;

  /** `prefix` is REDIS_KEY_PREFIX: ioredis prefixes keys, not pub/sub channels, so the channel carries it itself. */
  constructor(
    private readonly connection: RedisConnection,
    prefix: string,
    private readonly logger: Logger,
  ) {
    this.channel = channels.deskEvents(prefix);
    const client = connection.client;
    this.subscriber =
      client instanceof Cluster
        ? client.duplicate(undefined, { enableAutoPipelining: false })
        : client.duplicate({ enableAutoPipelining: false });
    this.subscriber.on('error', (err: unknown) => this.logger.warn({ err }, 'desk event subscriber: redis error'));
    this.subscriber.on('message', (channel: string, message: string) => {
      if (channel === this.channel) this.deliver(message);
    });
    this.subscribed = this.listen();
    this.subscribed.catch((err: unknown) => this.logger.error({ err }, 'desk events: could not subscribe'));
  }

  async publish(event: CaseEvent): Promise<void> {
    const valid = CaseEventSchema.parse(event);
    await this.connection.guard('publish desk event', () =>
      this.connection.client.publish(this.channel, JSON.stringify(valid)),
    );
  }

  subscribe(listener: CaseEventListener): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }

  ready(): Promise<void> {
    return this.subscribed;
  }

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
    this.subscriber.disconnect();
  }

  private async listen(): Promise<void> {
    if (this.subscriber.status !== 'ready') {
      await new Promise<void>((resolve, reject) => {
        this.subscriber.once('ready', resolve);
        this.subscriber.once('end', () => reject(new Error('desk event subscriber closed before it was ready')));
      });
    }
    // ioredis re-subscribes by itself after a reconnection.
    await this.subscriber.subscribe(this.channel);
  }

  private deliver(message: string): void {
    try {
      const parsed = CaseEventSchema.safeParse(JSON.parse(message));
      if (parsed.success) this.emitter.emit('event', parsed.data);
      else this.logger.warn({ issues: parsed.error.issues.length }, 'desk events: ignored a malformed event');
    } catch (err) {
      this.logger.warn({ err }, 'desk events: ignored a message that is not JSON');
    }
  }
}
