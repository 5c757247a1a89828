// The servers the table compares, how each is started, and what it is sent.
import { randomUUID } from 'node:crypto';
import type { RowName } from './options.js';
import { startChild, type RunningChild } from './servers/startChild.js';
import { startCompiled } from './servers/compiledService.js';

export const ROW_TITLES: Record<RowName, string> = {
  limit: 'limit (bare restify, JSON echo)',
  framework: 'framework (CloudAdapter echo bot)',
  'xieshang-memory': 'xieshang, memory store',
  'xieshang-redis': 'xieshang, Redis store',
  'xieshang-workers2': 'xieshang, WORKERS=2 on Redis (compiled)',
  peer: 'peer (waterfall dialogs, Redis state)',
};

export interface RowServer {
  child: RunningChild;
  /** Key prefix of this row's data in Redis, when it uses Redis. */
  redisPrefix?: string;
}

const FILES: Record<Exclude<RowName, 'xieshang-workers2'>, string> = {
  limit: './limitServer.ts',
  framework: './frameworkServer.ts',
  'xieshang-memory': './xieshangServer.ts',
  'xieshang-redis': './xieshangServer.ts',
  peer: '../peer/peerServer.ts',
};

export function usesRedis(row: RowName): boolean {
  return row === 'xieshang-redis' || row === 'xieshang-workers2' || row === 'peer';
}

export async function startRow(row: RowName, redisUrl: string | undefined, nodeArgs: string[]): Promise<RowServer> {
  const redisPrefix = usesRedis(row) ? `bench-${row}-${randomUUID().slice(0, 8)}:` : undefined;
  const env: Record<string, string> = {};
  if (row === 'framework' && process.env.BENCH_REUSE_CLIENTS) env.BENCH_REUSE_CLIENTS = process.env.BENCH_REUSE_CLIENTS;
  // Every core: the compiled service as operators run it, its workers measured through /proc (dist/ built first).
  if (row === 'xieshang-workers2') {
    const child = await startCompiled(row, { WORKERS: '2', REDIS_URL: redisUrl!, REDIS_KEY_PREFIX: redisPrefix! });
    return { child, redisPrefix: redisPrefix! };
  }
  if (row.startsWith('xieshang')) Object.assign(env, { NODE_ENV: 'test', LOG_LEVEL: 'info' });
  if (row === 'xieshang-redis') Object.assign(env, { REDIS_URL: redisUrl!, REDIS_KEY_PREFIX: redisPrefix! });
  if (row === 'peer') Object.assign(env, { REDIS_URL: redisUrl!, PEER_KEY_PREFIX: redisPrefix! });
  const child = await startChild(row, FILES[row], env, nodeArgs);
  return { child, ...(redisPrefix ? { redisPrefix } : {}) };
}
