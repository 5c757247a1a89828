// The compiled service as operators run it (`node dist/src/main.js`, WORKERS and all), measured from outside through /proc.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { sparePort } from '../sparePort.js';
import { fileURLToPath } from 'node:url';
import type { ChildStats } from './childProtocol.js';
import type { RunningChild } from './startChild.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ENTRY = 'dist/src/main.js';
const READY_TIMEOUT_MS = 60_000;
/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

export interface CompiledService extends RunningChild {
  /** From spawn to the first 200 of /readyz, in ms. */
  coldStartMs: number;
  /** CPU time the process tree used until then, in ms: what a busy machine cannot stretch. */
  coldStartCpuMs: number;
}

/**
 * Starts `node dist/src/main.js` with `env` on a spare loopback port (dist/ must be built: see ensureBuilt); `root` is
 * the checkout whose dist/ runs (another one to compare builds).
 */
export async function startCompiled(name: string, env: Record<string, string>, root = ROOT): Promise<CompiledService> {
  const port = await sparePort();
  const started = performance.now();
  const child = spawn(process.execPath, [ENTRY], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(port),
      // The load comes from loopback, as in the other rows.
      RATE_LIMIT_EXEMPT: '127.0.0.0/8,::1',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  await untilReady(url, child, () => stderr);
  const coldStartMs = performance.now() - started;
  const coldStartCpuMs = treeStats(child.pid!).cpuMicros / 1000;
  return {
    name,
    url,
    pid: child.pid!,
    coldStartMs,
    coldStartCpuMs,
    stats: async () => treeStats(child.pid!),
    cpuMicros: async () => treeStats(child.pid!).cpuMicros,
    stop: () => stop(child),
  };
}

async function untilReady(url: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${ENTRY} exited with ${child.exitCode}:\n${stderr()}`);
    const ok = await fetch(`${url}/readyz`).then(
      (res) => res.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`${ENTRY} was not ready in ${READY_TIMEOUT_MS} ms:\n${stderr()}`);
}

/** CPU time and RSS of a process and its children (the cluster's workers), read from /proc. */
function treeStats(pid: number): ChildStats {
  let cpuTicks = 0;
  let rssBytes = 0;
  for (const member of [pid, ...childrenOf(pid)]) {
    const stat = readProc(`/proc/${member}/stat`);
    if (!stat) continue;
    // Fields after the command name (which may contain spaces): utime is the 14th field, stime the 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    cpuTicks += Number(fields[11]) + Number(fields[12]);
    const rss = /VmRSS:\s+(\d+) kB/.exec(readProc(`/proc/${member}/status`) ?? '')?.[1];
    rssBytes += Number(rss ?? 0) * 1024;
  }
  return { rssBytes, heapUsedBytes: 0, cpuMicros: (cpuTicks / TICKS_PER_SECOND) * 1e6, counters: {} };
}

function childrenOf(pid: number): number[] {
  const listed = readProc(`/proc/${pid}/task/${pid}/children`) ?? '';
  return listed
    .split(' ')
    .map(Number)
    .filter((child) => child > 0);
}

function readProc(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
