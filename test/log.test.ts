// Personal data never reaches the logs unmasked: by key, inside messages and inside errors.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/log.js';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(chunk.toString());
      callback();
    },
  });
  return { logger: createLogger({ level: 'info', destination }), text: () => lines.join('') };
}

describe('logs', () => {
  it('a borrower object with name, phone, ID and birth date – every value masked', () => {
    const { logger, text } = capture();
    logger.info(
      { caseId: 'c-1', borrower: { name: '王小明', phone: '13800000001', idLast4: '1234', birthDate: '1990-05-20' } },
      'case loaded',
    );
    expect(text()).toContain('c-1');
    for (const secret of ['王小明', '13800000001', '1990-05-20']) expect(text()).not.toContain(secret);
  });

  it('personal data inside a message string – ID, card and phone numbers masked', () => {
    const { logger, text } = capture();
    logger.warn('borrower said 110101199003071234 and card 6222 0212 3456 7890 and phone 13912345678');
    for (const secret of ['110101199003071234', '6222 0212 3456 7890', '13912345678'])
      expect(text()).not.toContain(secret);
    expect(text()).toContain('borrower said');
  });

  it('an error whose message carries a phone number – masked in err.message and err.stack', () => {
    const { logger, text } = capture();
    logger.error({ err: new Error('no account for 13800000005') }, 'lookup failed');
    expect(text()).not.toContain('13800000005');
    expect(text()).toContain('no account for');
  });

  it('the text a borrower typed, logged by key – masked', () => {
    const { logger, text } = capture();
    logger.info({ turn: { text: '我叫王小明' } }, 'turn');
    expect(text()).not.toContain('王小明');
  });
});
