// The Redis connection settings of the configuration: URL, Sentinel or Cluster, credentials and key prefix.
import type { Config } from '../config.js';

/** The connection settings of config (also used by `npm run flows -- export`). */
export function redisSettings(config: Config) {
  return {
    ...(config.REDIS_URL ? { url: config.REDIS_URL } : {}),
    ...(config.REDIS_SENTINELS
      ? { sentinels: config.REDIS_SENTINELS, sentinelName: config.REDIS_SENTINEL_NAME ?? 'mymaster' }
      : {}),
    ...(config.REDIS_CLUSTER_NODES ? { clusterNodes: config.REDIS_CLUSTER_NODES } : {}),
    ...(config.REDIS_USERNAME ? { username: config.REDIS_USERNAME } : {}),
    ...(config.REDIS_PASSWORD ? { password: config.REDIS_PASSWORD } : {}),
    keyPrefix: config.REDIS_KEY_PREFIX,
  };
}
