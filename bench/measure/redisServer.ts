// The Redis the bench measures: a private redis-server on a spare loopback port when one is installed, else a given URL.
import { spawn, type ChildProcess } from 'node:child_process';
import { sparePort } from '../sparePort.js';
import { Redis } from 'ioredis';

export interface BenchRedis {
  url: string;
  /** True when this Redis is ours alone, so INFO deltas count only our servers' commands. */
  private: boolean;
  client: Redis;
  stop(): Promise<void>;
}

export async function openBenchRedis(url: string | undefined): Promise<BenchRedis> {
  if (url) return { url, private: false, client: new Redis(url), stop: async () => {} };
  const port = await sparePort();
  const server = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const started = await new Promise<boolean>((resolve) => {
    server.once('error', () => resolve(false));
    server.once('spawn', () => resolve(true));
  });
  if (!started) {
    const fallback = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
    process.stderr.write(`redis-server not found: using ${fallback} (shared: INFO deltas include other clients)\n`);
    return openBenchRedis(fallback);
  }
  const ownUrl = `redis://127.0.0.1:${port}`;
  const client = new Redis(ownUrl, { retryStrategy: (times) => (times > 50 ? null : 100) });
  // redis-server takes a moment to listen: connection refusals until then are expected.
  client.on('error', () => {});
  await client.ping();
  return {
    url: ownUrl,
    private: true,
    client,
    stop: async () => {
      client.disconnect();
      await stopProcess(server);
    },
  };
}

/** calls per command from INFO commandstats (script-internal calls included, as Redis counts them). */
export async function commandCalls(client: Redis): Promise<Map<string, number>> {
  const info = await client.info('commandstats');
  const calls = new Map<string, number>();
  for (const match of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) calls.set(match[1]!, Number(match[2]));
  return calls;
}

/**
 * Commands the clients sent between two snapshots: every call except those made inside Lua scripts
 * (`scriptCommands`, lower case) and the bench's own INFO.
 */
export function roundTripsBetween(
  before: Map<string, number>,
  after: Map<string, number>,
  scriptCommands: ReadonlySet<string>,
): { roundTrips: number; commands: number; sent: Map<string, number> } {
  let roundTrips = 0;
  let commands = 0;
  const sent = new Map<string, number>();
  for (const [name, calls] of after) {
    const delta = calls - (before.get(name) ?? 0);
    if (delta <= 0 || name === 'info') continue;
    commands += delta;
    if (scriptCommands.has(name)) continue;
    roundTrips += delta;
    sent.set(name, delta);
  }
  return { roundTrips, commands, sent };
}

/** The command names a Lua source calls (`redis.call('HGET', …)`), lower case. */
export function commandsCalledIn(luaSources: string): Set<string> {
  return new Set(
    [...luaSources.matchAll(/redis\.p?call\(\s*['"]([A-Za-z]+)['"]/g)].map((match) => match[1]!.toLowerCase()),
  );
}

/**
 * Average MEMORY USAGE of a case's keys, over cases that reached an agreement: all of them, and without the lender
 * events' outbox (the bench runs no webhook receiver, so its events stay; delivered, the outbox empties).
 */
export async function memoryPerCase(
  client: Redis,
  prefix: string,
  sample = 500,
): Promise<{
  agreedBytes: number;
  agreedDeliveredBytes: number;
  agreedCases: number;
  allCasesBytes: number;
  allCases: number;
}> {
  const keysByCase = new Map<string, string[]>();
  let cursor = '0';
  do {
    const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    for (const key of keys) {
      const tag = /\{([^}]+)\}/.exec(key)?.[1];
      if (!tag) continue;
      keysByCase.set(tag, [...(keysByCase.get(tag) ?? []), key]);
    }
  } while (cursor !== '0');
  const cases = [...keysByCase.values()];
  const agreed = cases.filter((keys) => keys.some((key) => key.endsWith(':agr')));
  const average = async (chosen: string[][], counted: (key: string) => boolean = () => true) => {
    const picked = chosen.slice(0, sample);
    let bytes = 0;
    for (const keys of picked)
      for (const key of keys.filter(counted))
        bytes += Number(await client.call('MEMORY', 'USAGE', key, 'SAMPLES', '0'));
    return picked.length === 0 ? 0 : bytes / picked.length;
  };
  return {
    agreedBytes: await average(agreed),
    agreedDeliveredBytes: await average(agreed, (key) => !/:outbox(:|$)/.test(key)),
    agreedCases: agreed.length,
    allCasesBytes: await average(cases),
    allCases: cases.length,
  };
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await exited;
}
