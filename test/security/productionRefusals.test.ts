// Production refuses the memory store, the demo accounts, guessable API tokens and an unauthenticated /api/messages.
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.js';
import { estimatedBits, refuseUnsafeProduction } from '../../src/productionRefusals.js';

const STRONG = 'q7Vd0fX2mKp9LsT4wZb8NcRy3HgJe6Ua';
const SAFE = {
  NODE_ENV: 'production',
  REDIS_URL: 'redis://redis.internal:6379',
  ACCOUNTS_FILE: '/srv/lender/accounts.yaml',
  MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
  MicrosoftAppPassword: 'app-password',
  DIRECTLINE_SECRET: 'x'.repeat(32),
  API_TOKENS: `admin:ops:Ops:${STRONG}`,
};

const refusal = (env: Record<string, string>) => {
  try {
    refuseUnsafeProduction(readConfig(env));
    return '';
  } catch (error) {
    return (error as Error).message;
  }
};

describe('production refusals', () => {
  it('a complete production configuration – starts', () => {
    expect(refusal(SAFE)).toBe('');
  });

  it.each([
    ['the memory store', { REDIS_URL: '' }, /memory store/],
    ['the demo accounts file', { ACCOUNTS_FILE: 'dialogs/demo-accounts.yaml' }, /demo borrowers/],
    ['no Bot Framework app id', { MicrosoftAppId: '' }, /MicrosoftAppId is empty/],
    ['an app id without its password', { MicrosoftAppPassword: '' }, /MicrosoftAppPassword is empty/],
    [
      'the API token bbbbbbbbbbbb',
      { API_TOKENS: `admin:ops:Ops:${STRONG};agent:li:Li:bbbbbbbbbbbb` },
      /API_TOKENS entry 2: its token is guessable \(about 0 bits/,
    ],
    [
      'the README demo token dev-agent-token',
      { API_TOKENS: 'agent:li:Li:dev-agent-token' },
      /API_TOKENS entry 1: its token is guessable/,
    ],
  ])('%s – refused, naming what to change', (_what, change, message) => {
    expect(refusal({ ...SAFE, ...change })).toMatch(message);
  });

  it('outside production – nothing is refused (the memory store and demo accounts are the embedded default)', () => {
    expect(refusal({})).toBe('');
  });

  it('token entropy – bbbbbbbbbbbb 0 bits, 32 random characters over 80', () => {
    expect(estimatedBits('bbbbbbbbbbbb')).toBe(0);
    expect(estimatedBits(STRONG)).toBeGreaterThan(80);
  });
});

describe('development defaults that are dangerous on a network', () => {
  it('HOST – 127.0.0.1 outside production, 0.0.0.0 in production, and whatever is configured', async () => {
    const { hostOf } = await import('../../src/config.js');
    expect(hostOf(readConfig({}))).toBe('127.0.0.1');
    expect(hostOf(readConfig({ NODE_ENV: 'production' }))).toBe('0.0.0.0');
    expect(hostOf(readConfig({ HOST: '0.0.0.0' }))).toBe('0.0.0.0');
  });
});
