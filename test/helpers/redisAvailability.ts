// Which Redis the tests use: the shared one (skipped or failed when absent) or a private one on a spare port.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';

export interface RedisForTests {
  url: string;
  available: boolean;
  /** Why the Redis suites are skipped, when they are. */
  reason?: string;
}

export function redisUrlForTests(): string {
  return process.env.REDIS_URL || 'redis://127.0.0.1:6379';
}

/**
 * Probes the test Redis once. Unreachable: throws when XS_REQUIRE_REDIS=1 (the run fails),
 * otherwise warns and answers `available: false` for `describe.skipIf(!redis.available)`.
 */
export async function probeRedis(url = redisUrlForTests()): Promise<RedisForTests> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 1000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  let socketError: Error | undefined;
  client.on('error', (err: Error) => (socketError = err));
  try {
    await client.connect();
    await client.ping();
    return { url, available: true };
  } catch (err) {
    const cause = socketError ?? err;
    const reason = `no Redis at ${url} (${cause instanceof Error ? cause.message : String(cause)})`;
    if (process.env.XS_REQUIRE_REDIS === '1')
      throw new Error(`XS_REQUIRE_REDIS=1 but ${reason}; start redis-server or set REDIS_URL`);
    console.warn(`skipping Redis tests: ${reason}; set XS_REQUIRE_REDIS=1 to fail instead`);
    return { url, available: false, reason };
  } finally {
    client.disconnect();
  }
}

/** A redis-server this test owns, with AOF on, that can be stopped and started on the same port and dir. */
export interface PrivateRedis {
  port: number;
  url: string;
  start(): Promise<void>;
  /** Kills the server (SIGKILL: a crash; AOF with fsync always keeps every acknowledged write). */
  kill(): Promise<void>;
}

export async function privateRedis(dir: string): Promise<PrivateRedis> {
  const port = await sparePort();
  let child: ChildProcess | undefined;
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    async start() {
      const args = [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'yes',
        '--appendfsync',
        'always',
        '--dir',
        dir,
      ];
      const started = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'inherit'] });
      child = started;
      await new Promise<void>((resolve, reject) => {
        let output = '';
        started.once('error', reject);
        started.once('exit', (code) =>
          reject(new Error(`redis-server on port ${port} exited with ${code}: ${output}`)),
        );
        started.stdout?.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes('Ready to accept connections')) resolve();
        });
      });
    },
    async kill() {
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/** A TCP port nothing listens on right now (for servers a test starts itself). */
export async function sparePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('could not find a spare port');
  return address.port;
}

/**
 * True when `redis-server` can be started here (for the tests that stop and restart their own).
 * Missing: throws when XS_REQUIRE_REDIS=1 (CI must run the outage tests), otherwise warns.
 */
export function redisServerOnPath(): boolean {
  const found = spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
  if (found) return true;
  if (process.env.XS_REQUIRE_REDIS === '1')
    throw new Error(
      'XS_REQUIRE_REDIS=1 but redis-server is not on PATH; install it (the outage tests start their own)',
    );
  console.warn(
    'skipping private redis-server tests: redis-server is not on PATH; set XS_REQUIRE_REDIS=1 to fail instead',
  );
  return false;
}
