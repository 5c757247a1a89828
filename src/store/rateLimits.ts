// Named rate limits (rate-limiter-flexible): on the service's Redis when configured, so every instance counts together; in memory otherwise.
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Logger } from 'pino';
import { RateLimitedError } from '../errors.js';
import { rateLimitPrefix } from './redis/keys.js';
import type { RedisConnection } from './redis/redisConnection.js';

export interface LimitSpec {
  points: number;
  seconds: number;
}

export interface NamedLimit {
  readonly name: string;
  /** Counts one attempt for `key`; throws RateLimitedError (429, Retry-After) past the limit. */
  consume(key: string): Promise<void>;
}

/** Makes named limits that share one backend; names keep their counters apart (`rl:<name>:<key>`). */
export class RateLimits {
  constructor(private readonly backend: { redis?: RedisConnection | undefined; logger: Logger }) {}

  define(name: string, spec: LimitSpec, what: string): NamedLimit {
    const options = { keyPrefix: rateLimitPrefix(name), points: spec.points, duration: spec.seconds };
    const memory = new RateLimiterMemory(options);
    // During a Redis outage each instance counts on its own rather than letting everyone through or refusing everyone.
    const limiter: RateLimiterAbstract = this.backend.redis
      ? new RateLimiterRedis({ ...options, storeClient: this.backend.redis.client, insuranceLimiter: memory })
      : memory;
    const logger = this.backend.logger;
    return {
      name,
      async consume(key) {
        try {
          await limiter.consume(key);
        } catch (outcome) {
          if (!(outcome instanceof RateLimiterRes)) throw outcome;
          const retryAfterSeconds = Math.max(1, Math.ceil(outcome.msBeforeNext / 1000));
          logger.info({ limit: name, retryAfterSeconds }, 'rate limit reached');
          throw new RateLimitedError(`too many ${what}; try again in ${retryAfterSeconds} s`, retryAfterSeconds);
        }
      },
    };
  }
}
