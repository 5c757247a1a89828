// WORKERS=2 on Redis: two processes serve one port, and SIGTERM lets every turn in flight finish before exiting.
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, describe, expect, it } from 'vitest';
import { startChildService, type ChildService } from '../helpers/childService.js';
import { ConnectorStub } from '../helpers/connectorStub.js';
import { BorrowerChannel } from '../helpers/borrowerChannel.js';
import { STORE_KINDS, storeEnv } from '../helpers/service.js';

const TIMEOUT_MS = 120_000;
const CONVERSATIONS = 12;

function workerPids(primaryPid: number): number[] {
  // ps exits 1 when no process matches: its output is then empty.
  const out = spawnSync('ps', ['-o', 'pid=', '--ppid', String(primaryPid)], { encoding: 'utf8' }).stdout;
  return out
    .split('\n')
    .map((line) => Number(line.trim()))
    .filter((pid) => pid > 0);
}

/** Resolves once every turn has reached the bot (its first reply is at the connector), polling a bounded number of times. */
async function everyTurnStarted(started: Array<() => boolean>): Promise<void> {
  for (let poll = 0; poll < 2_000; poll++) {
    if (started.every((hasStarted) => hasStarted())) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the turns never reached the bot');
}

describe.skipIf(!STORE_KINDS.includes('redis'))('WORKERS=2 on Redis', () => {
  let service: ChildService | undefined;
  const connector = new ConnectorStub();
  afterAll(async () => {
    await service?.kill();
    await connector.stop();
  });

  it(
    'two worker processes on one port; SIGTERM while turns are in flight – every turn answered 200, every worker gone, exit 0',
    async () => {
      await connector.start();
      service = await startChildService({ ...storeEnv('redis'), WORKERS: '2' });
      const primary = service.process;
      expect(workerPids(primary.pid!)).toHaveLength(2);

      const borrowers = Array.from(
        { length: CONVERSATIONS },
        (_, index) =>
          new BorrowerChannel(service!.url, connector, { conversationId: `conv-workers-${Date.now()}-${index}` }),
      );
      const turns = borrowers.map((borrower) => borrower.post(borrower.activity({ text: '你好' })));
      const exited = once(primary, 'exit');
      // In flight = read by a worker: a connection accepted but not yet read is closed by any server that shuts down.
      await everyTurnStarted(borrowers.map((borrower) => () => connector.of(borrower.conversationId).length > 0));
      primary.kill('SIGTERM');

      const statuses = (await Promise.all(turns)).map((delivery) => delivery.status);
      expect(statuses).toEqual(Array.from({ length: CONVERSATIONS }, () => 200));
      const [code] = await exited;
      expect(code).toBe(0);
      expect(workerPids(primary.pid!)).toEqual([]);
    },
    TIMEOUT_MS,
  );
});
