// One schema over the environment: defaults for a fresh machine, clear errors for bad values.
import { describe, expect, it } from 'vitest';
import { readConfig, usesRedis } from '../src/config.js';

describe('configuration', () => {
  it('an empty environment – the embedded defaults: port 3978, memory store, no Bot Framework auth', () => {
    const config = readConfig({});
    expect(config.PORT).toBe(3978);
    expect(config.MicrosoftAppId).toBe('');
    expect(usesRedis(config)).toBe(false);
  });

  it('REDIS_URL set – Redis is used', () => {
    expect(usesRedis(readConfig({ REDIS_URL: 'redis://127.0.0.1:6379' }))).toBe(true);
  });

  it('several bad values – one error naming each variable, its value and what is expected', () => {
    expect(() => readConfig({ PORT: '99999', LOG_LEVEL: 'loud', REDIS_URL: 'http://x' })).toThrowError(
      expect.objectContaining({
        code: 'XS_CONFIG_INVALID',
        message: expect.stringMatching(
          /PORT="99999".*LOG_LEVEL="loud".*REDIS_URL="http:\/\/x": a redis:\/\/ or rediss:\/\/ URL/s,
        ),
      }),
    );
  });
});
