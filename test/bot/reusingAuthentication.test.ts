// The adapter's authentication is not redone on every request: once with auth off, once per token with auth on.
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InProcessChannels } from '../../src/bot/inProcessChannels.js';
import { ReusingAuthentication } from '../../src/bot/reusingAuthentication.js';
import { ServiceUrlPolicy } from '../../src/bot/serviceUrlPolicy.js';

type Activity = Parameters<ConfigurationBotFrameworkAuthentication['authenticateRequest']>[0];
type Result = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;

const routes = {
  channels: new InProcessChannels(),
  serviceUrls: new ServiceUrlPolicy({ extra: '', allowLoopback: true, inProcess: () => false }),
};
const activity = (channelId: string, serviceUrl = 'https://smba.trafficmanager.net/apac/') =>
  ({ type: 'message', channelId, serviceUrl, recipient: { id: 'bot' } }) as Activity;

/** A bearer token whose payload says it expires at `exp` (seconds); the SDK's check is replaced by `validate`. */
function token(exp: number): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `Bearer ${part({ alg: 'RS256' })}.${part({ exp, aud: 'app-id' })}.c2lnbmF0dXJl`;
}

function validatedBySdk(outcome: () => Promise<Result>) {
  return vi.spyOn(ConfigurationBotFrameworkAuthentication.prototype, 'authenticateRequest').mockImplementation(outcome);
}
const anonymous = { audience: 'aud', claimsIdentity: { getClaimValue: () => null } } as unknown as Result;

describe('ReusingAuthentication', () => {
  afterEach(() => vi.restoreAllMocks());

  it('auth off – every request after the first gets the same result without asking the SDK again', async () => {
    const sdk = validatedBySdk(async () => anonymous);
    const auth = new ReusingAuthentication({}, routes);
    const first = await auth.authenticateRequest(activity('msteams'), '');
    const second = await auth.authenticateRequest(activity('webchat', 'https://other/'), '');
    expect(second).toBe(first);
    expect(sdk).toHaveBeenCalledTimes(1);
  });

  it('auth on – a token is checked once per channel and serviceUrl while it is valid; an expired one every time; a refused one is never remembered', async () => {
    const auth = new ReusingAuthentication({ MicrosoftAppId: 'app-id', MicrosoftAppPassword: 'secret' }, routes);
    const sdk = validatedBySdk(async () => anonymous);
    const valid = token(Math.floor(Date.now() / 1000) + 3600);
    await auth.authenticateRequest(activity('msteams'), valid);
    await auth.authenticateRequest(activity('msteams'), valid);
    expect(sdk).toHaveBeenCalledTimes(1);
    await auth.authenticateRequest(activity('msteams', 'https://elsewhere/'), valid);
    expect(sdk).toHaveBeenCalledTimes(2);

    const expired = token(Math.floor(Date.now() / 1000) - 1);
    await auth.authenticateRequest(activity('msteams'), expired);
    await auth.authenticateRequest(activity('msteams'), expired);
    expect(sdk).toHaveBeenCalledTimes(4);

    sdk.mockImplementation(async () => {
      throw new Error('Unauthorized Access. Request is not authorized');
    });
    const refused = token(Math.floor(Date.now() / 1000) + 3600);
    const other = `${refused}x`;
    await expect(auth.authenticateRequest(activity('msteams'), other)).rejects.toThrow(/Unauthorized/);
    await expect(auth.authenticateRequest(activity('msteams'), other)).rejects.toThrow(/Unauthorized/);
    expect(sdk).toHaveBeenCalledTimes(6);
  });
});
