// Forks one bench server in its own process (its own event loop and core) and waits for its port.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ChildMessage, ChildStats, ParentMessage } from './childProtocol.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const START_TIMEOUT_MS = 60_000;

export interface RunningChild {
  name: string;
  url: string;
  pid: number;
  /** RSS after a full GC, and the server's own counters. */
  stats(): Promise<ChildStats>;
  /** CPU time (user + system) used so far, in µs, without the collection `stats` forces first. */
  cpuMicros(): Promise<number>;
  stop(): Promise<void>;
}

/** `file` is relative to bench/servers; `nodeArgs` go before it (e.g. --cpu-prof). */
export async function startChild(
  name: string,
  file: string,
  env: Record<string, string> = {},
  nodeArgs: string[] = [],
): Promise<RunningChild> {
  const child = fork(fileURLToPath(new URL(file, import.meta.url)), [], {
    cwd: ROOT,
    execArgv: ['--import', 'tsx', '--expose-gc', ...nodeArgs],
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${name} did not start in ${START_TIMEOUT_MS} ms:\n${stderr}`)),
      START_TIMEOUT_MS,
    );
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code} before it was ready:\n${stderr}`)));
    child.on('message', (message: ChildMessage) => {
      if (message.type === 'ready') {
        clearTimeout(timer);
        resolve(message.port);
      }
    });
  });
  return {
    name,
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    stats: () => ask(child, { type: 'stats' }),
    cpuMicros: async () => (await ask(child, { type: 'cpu' })).cpuMicros,
    stop: () => stopChild(child),
  };
}

function ask(child: ChildProcess, message: ParentMessage): Promise<ChildStats> {
  return new Promise((resolve) => {
    const onMessage = (reply: ChildMessage) => {
      if (reply.type !== 'stats') return;
      child.off('message', onMessage);
      resolve(reply);
    };
    child.on('message', onMessage);
    child.send(message);
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.send({ type: 'stop' } satisfies ParentMessage);
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
