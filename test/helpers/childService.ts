// The real service as a child process (`node dist/src/main.js`, compiled by the test run's global setup), for tests that kill -9 it.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { sparePort } from './redisAvailability.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const READY_ATTEMPTS = 300;
const READY_POLL_MS = 100;

/** The compiled entry point (test/globalSetup.ts builds it). */
export const COMPILED_MAIN = 'dist/src/main.js';

export interface ChildService {
  url: string;
  port: number;
  pid: number;
  /** True while the process has not exited. */
  alive(): boolean;
  process: ChildProcess;
  /** SIGKILL: the process dies mid-whatever, as in a crash or an OOM kill. */
  kill(): Promise<void>;
}

/**
 * Starts the compiled service with `env` on `port` (default: a spare one; pass a killed child's port to
 * restart it at the same address) and resolves once /readyz answers 200.
 */
export async function startChildService(env: Record<string, string>, port?: number): Promise<ChildService> {
  port ??= await sparePort();
  const child = spawn(process.execPath, [COMPILED_MAIN], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      RATE_LIMIT_EXEMPT: '127.0.0.0/8,::1',
      PORT: String(port),
      LOG_LEVEL: process.env.XS_TEST_LOG ?? 'silent',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  try {
    await untilReady(url, child, () => stderr);
  } catch (err) {
    await killHard(child);
    throw err;
  }
  return {
    url,
    port,
    pid: child.pid ?? 0,
    process: child,
    alive: () => child.exitCode === null && child.signalCode === null,
    kill: () => killHard(child),
  };
}

async function untilReady(url: string, child: ChildProcess, stderr: () => string): Promise<void> {
  for (let attempt = 0; attempt < READY_ATTEMPTS; attempt++) {
    if (child.exitCode !== null)
      throw new Error(`child service exited with ${child.exitCode} before it was ready:\n${stderr()}`);
    const status = await fetch(`${url}/readyz`).then(
      (res) => res.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, READY_POLL_MS));
  }
  throw new Error(`child service at ${url} not ready after ${READY_ATTEMPTS} polls:\n${stderr()}`);
}

async function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGKILL');
  await exited;
}
