// The few IPC messages between the bench runner and a server it forked: ready, RSS and Redis counters, stop.
import type { AddressInfo } from 'node:net';

/** `stats` collects garbage first (for RSS); `cpu` does not (a forced collection would count in a CPU window). */
export type ParentMessage = { type: 'stats' } | { type: 'cpu' } | { type: 'stop' };
export interface ChildStats {
  rssBytes: number;
  heapUsedBytes: number;
  /** CPU time (user + system) the process has used so far, in µs. */
  cpuMicros: number;
  /** Counters the server keeps itself, e.g. the Redis store's round trips. */
  counters: Record<string, number>;
}
export type ChildMessage = { type: 'ready'; port: number } | ({ type: 'stats' } & ChildStats);

/** What both node:http and restify servers offer. */
interface Listening {
  listen(port: number, host: string, callback: () => void): unknown;
  address(): AddressInfo | string | null;
}

/** Listens on an ephemeral loopback port, tells the parent, and answers its questions until told to stop. */
export function serveToParent(
  server: Listening,
  stop: () => Promise<void> = async () => {},
  counters: () => Record<string, number> = () => ({}),
): void {
  const send = (message: ChildMessage) => process.send?.(message);
  server.listen(0, '127.0.0.1', () => send({ type: 'ready', port: (server.address() as AddressInfo).port }));
  process.on('message', (message: ParentMessage) => {
    if (message.type === 'stats' || message.type === 'cpu') {
      // A full collection first (the bench forks with --expose-gc), so RSS reflects what is retained.
      if (message.type === 'stats') (globalThis as { gc?: () => void }).gc?.();
      const usage = process.memoryUsage();
      const cpu = process.cpuUsage();
      send({
        type: 'stats',
        rssBytes: usage.rss,
        heapUsedBytes: usage.heapUsed,
        cpuMicros: cpu.user + cpu.system,
        counters: counters(),
      });
    } else if (message.type === 'stop') {
      stop().finally(() => process.exit(0));
    }
  });
  process.on('disconnect', () => process.exit(0));
}
