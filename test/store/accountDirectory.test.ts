// The account directory: lookups by reference and phone, and run-time bindings that stay bounded.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAccounts } from '../../src/domain/demoAccounts.js';
import { AccountDirectory } from '../../src/store/accountDirectory.js';

const accounts = parseAccounts(readFileSync('dialogs/demo-accounts.yaml', 'utf8'), 'demo-accounts.yaml');

describe('account directory', () => {
  it('a phone number typed with +86 and spaces – finds the same account as the bare number', () => {
    const directory = new AccountDirectory(accounts);
    expect(directory.find({ phone: '+86 138 0000 0001' })?.accountRef).toBe('LN-2024-0001');
    expect(directory.find({ accountRef: 'ln-2024-0001' })?.accountRef).toBe('LN-2024-0001');
  });

  it('60 000 web chat users bound by invitations – the newest stay bound, the oldest are forgotten, registered users never', () => {
    const directory = new AccountDirectory(accounts);
    for (let i = 0; i < 60_000; i++) directory.bindChannelUser(`directline:user-${i}`, 'CC-88120034');
    expect(directory.findByChannelUser('directline:user-59999')?.accountRef).toBe('CC-88120034');
    expect(directory.findByChannelUser('directline:user-0')).toBeUndefined();
    expect(directory.findByChannelUser('test:wang-xiaoming')?.accountRef).toBe('LN-2024-0001');
    expect(directory.bindChannelUser('directline:someone', 'NO-SUCH-ACCOUNT')).toBe(false);
  });
});
