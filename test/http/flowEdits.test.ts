// Flows a product owner edited: the README's example runs; a flow the machine cannot run fails one turn, never the process.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { readConfig } from '../../src/config.js';
import { buildApp } from '../../src/app.js';
import { converse, JOB_LOSS_TO_OFFERS } from '../helpers/conversation.js';
import { copyDialogs } from '../helpers/dialogsCopy.js';
import { startService, type RunningService } from '../helpers/service.js';
import { ConnectorStub } from '../helpers/connectorStub.js';
import { BorrowerChannel } from '../helpers/borrowerChannel.js';
import type { AddressInfo } from 'node:net';

/** Removes one interview question and points what led to it at the next one, as README "Change the flow" says. */
function dropQuestion(state: string, next: string) {
  const dialogs = copyDialogs();
  dialogs.edit('negotiation.flow.yaml', new RegExp(`\\n {10}${state}:\\n(?: {12,}.*\\n)+`), '\n');
  dialogs.edit('negotiation.flow.yaml', new RegExp(`target: ${state}\\b`, 'g'), `target: ${next}`);
  return dialogs;
}

describe('the README example: the dependants question dropped', () => {
  let service: RunningService;
  beforeAll(async () => {
    service = await startService({
      DIALOGS_DIR: dropQuestion('askingDependants', 'askingStatedMonthly').dir,
      DIALOGS_WATCH: 'off',
    });
  });
  afterAll(() => service.stop());

  it('a job-loss borrower is not asked about dependants – offers as before, counted with none', async () => {
    const lines = JOB_LOSS_TO_OFFERS.filter(([says]) => says !== '1').map(([says, expected]) =>
      says === '没有' ? ([says, '每月能还多少'] as const) : ([says, expected] as const),
    );
    await converse(service.borrower(), lines);
  });
});

describe('a flow that skips the income question, which the offers need', () => {
  let logged = '';
  let url = '';
  let connector: ConnectorStub;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const destination = new Writable({
      write: (chunk: Buffer, _encoding, done) => ((logged += chunk.toString()), done()),
    });
    const config = readConfig({
      NODE_ENV: 'test',
      DIALOGS_DIR: dropQuestion('askingIncome', 'askingSpending').dir,
      DIALOGS_WATCH: 'off',
    });
    const app = await buildApp(config, createLogger({ level: 'info', destination }));
    await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    connector = await new ConnectorStub().start();
    close = () => app.close();
  });
  afterAll(async () => {
    await close();
    await connector.stop();
  });

  it('the turn that computes offers – that borrower gets the apology, the failure is logged, the service answers the next borrower', async () => {
    const borrower = new BorrowerChannel(url, connector);
    const toOffers = JOB_LOSS_TO_OFFERS.filter(([says]) => says !== '8000').map(([says, expected]) =>
      says === '3' ? ([says, '生活开支'] as const) : ([says, expected] as const),
    );
    await converse(borrower, toOffers.slice(0, -1));
    await converse(borrower, [[toOffers.at(-1)![0], '系统出了点问题']]);
    expect(logged).toContain('"msg":"turn failed"');
    expect(logged).toContain('XS_TURN_FAILED');
    await converse(new BorrowerChannel(url, connector), [['你好', '合同号']]);
  });
});
