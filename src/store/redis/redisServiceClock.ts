// The service's time on Redis: the test clock's offset in one key, announced on a channel, read by every instance.
import { Cluster } from 'ioredis';
import type { Logger } from 'pino';
import type { ServiceClock } from '../../followup/serviceClock.js';
import { CLOCK_OFFSET_KEY, channels } from './keys.js';
import type { RedisClient, RedisConnection } from './redisConnection.js';

export class RedisServiceClock implements ServiceClock {
  private offsetMs = 0;
  private readonly subscriber: RedisClient;
  private readonly channel: string;
  /** Resolves once the stored offset is read and changes are listened to. */
  readonly ready: Promise<void>;

  constructor(
    private readonly connection: RedisConnection,
    prefix: string,
    private readonly logger: Logger,
    private readonly wall: () => number = Date.now,
  ) {
    this.channel = channels.clock(prefix);
    const client = connection.client;
    this.subscriber =
      client instanceof Cluster
        ? client.duplicate(undefined, { enableAutoPipelining: false })
        : client.duplicate({ enableAutoPipelining: false });
    this.subscriber.on('error', (err: unknown) => this.logger.warn({ err }, 'clock subscriber: redis error'));
    this.subscriber.on('message', (channel: string, message: string) => {
      if (channel === this.channel) this.offsetMs = Math.max(this.offsetMs, Number(message) || 0);
    });
    this.ready = this.listen();
    this.ready.catch((err: unknown) => this.logger.error({ err }, 'clock: could not read the test clock'));
  }

  now(): Date {
    return new Date(this.wall() + this.offsetMs);
  }

  async moveTo(at: Date): Promise<void> {
    const offset = Math.max(this.offsetMs, at.getTime() - this.wall());
    this.offsetMs = offset;
    await this.connection.guard('move the test clock', async () => {
      await this.connection.client.set(CLOCK_OFFSET_KEY, String(offset));
      await this.connection.client.publish(this.channel, String(offset));
    });
  }

  async close(): Promise<void> {
    this.subscriber.disconnect();
  }

  private async listen(): Promise<void> {
    if (this.subscriber.status !== 'ready')
      await new Promise<void>((resolve, reject) => {
        this.subscriber.once('ready', resolve);
        this.subscriber.once('end', () => reject(new Error('clock subscriber closed before it was ready')));
      });
    await this.subscriber.subscribe(this.channel);
    const stored = await this.connection.client.get(CLOCK_OFFSET_KEY);
    this.offsetMs = Math.max(this.offsetMs, Number(stored) || 0);
  }
}
