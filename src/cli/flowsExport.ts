// `flows export <version> [--out dir]`: a version kept in the store (published in the browser) written back as dialogs/ files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import pino from 'pino';
import { readConfig, usesRedis } from '../config.js';
import { ConfigurationError } from '../errors.js';
import { redisSettings } from '../store/redisSettings.js';
import { RedisConnection } from '../store/redis/redisConnection.js';
import { RedisFlowVersionStore } from '../store/redis/redisFlowVersionStore.js';

export async function runExport(
  version: string | undefined,
  outDir: string | undefined,
  out: (text: string) => void,
): Promise<number> {
  if (!version || !/^[0-9a-f]{6,64}$/.test(version))
    throw new ConfigurationError('XS_CONFIG_INVALID', 'flows export: name a version (its hash, as /flows lists it)');
  const config = readConfig(process.env);
  if (!usesRedis(config))
    throw new ConfigurationError(
      'XS_CONFIG_INVALID',
      "flows export: versions are kept in the deployment's Redis; set REDIS_URL (and REDIS_KEY_PREFIX) as the service has them",
    );
  const redis = new RedisConnection(redisSettings(config), pino({ level: 'silent' }));
  try {
    await redis.whenReady();
    const store = new RedisFlowVersionStore(redis);
    const files = await store.load(version);
    if (!files) throw new ConfigurationError('XS_CONFIG_INVALID', `flows export: no version ${version} in the store`);
    const published = (await store.list()).find((v) => v.version === version)?.published;
    const target = resolve(outDir ?? `dialogs-${version}`);
    for (const [name, text] of [...files.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      mkdirSync(dirname(join(target, name)), { recursive: true });
      writeFileSync(join(target, name), text);
    }
    const about = published ? ` "${published.name}" by ${published.by} at ${published.at}: ${published.note}` : '';
    out(
      `version ${version}${about}\n  ${files.size} files written to ${target}\n  check them: npm run flows -- check ${target}\n`,
    );
    return 0;
  } finally {
    await redis.close();
  }
}
