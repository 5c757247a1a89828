// A running service's logs, at debug level, never carry a borrower's personal data.
import { Writable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app.js';
import { readConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { BorrowerChannel } from '../helpers/borrowerChannel.js';
import { ConnectorStub } from '../helpers/connectorStub.js';
import { converse } from '../helpers/conversation.js';

describe('the service log', () => {
  let logged = '';
  let app: App;
  let connector: ConnectorStub;
  let url = '';
  beforeAll(async () => {
    const destination = new Writable({
      write: (chunk: Buffer, _encoding, done) => ((logged += chunk.toString()), done()),
    });
    app = await buildApp(
      readConfig({ NODE_ENV: 'test', LOG_LEVEL: 'debug', DIALOGS_WATCH: 'off' }),
      createLogger({ level: 'debug', destination }),
    );
    await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    connector = await new ConnectorStub().start();
  });
  afterAll(async () => {
    await app.close();
    await connector.stop();
  });

  it('a borrower found by phone who types an ID and a phone number, then asks for a person – logged turns, none of it in the log', async () => {
    const borrower = new BorrowerChannel(url, connector);
    await converse(borrower, [
      ['你好', '合同号'],
      ['13800000001', '后四位'],
      ['1234', '出生日期'],
      ['1990-05-20', '主要原因'],
      ['我的身份证是110101199003071234，电话13912345678', '没有理解'],
      ['人工', '转接'],
    ]);
    expect(logged).toContain('"msg":"turn"');
    expect(logged).toContain('case escalated to the agent queue');
    for (const secret of ['13800000001', '1990-05-20', '110101199003071234', '13912345678', '王小明'])
      expect(logged).not.toContain(secret);
  });
});
