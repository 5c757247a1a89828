// Bot Framework authentication that reuses connector and user-token clients instead of building them every turn.
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { leanConnector } from './leanConnector.js';
import type { InProcessChannels } from './inProcessChannels.js';
import type { ServiceUrlPolicy } from './serviceUrlPolicy.js';

type AuthenticateResult = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;
type ConnectorFactory = NonNullable<AuthenticateResult['connectorFactory']>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;
type ClaimsIdentity = AuthenticateResult['claimsIdentity'];
type AuthConfiguration = ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[0];
type UserTokenClient = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['createUserTokenClient']>>;

/** serviceUrl comes from the activity: past this many clients the cache starts again rather than grow. */
const MAX_CLIENTS = 256;
/** Checked tokens kept (a channel reuses one token for many requests until it expires); past this the cache starts again. */
const MAX_CHECKED_TOKENS = 1024;
/** A checked token is trusted again for at most this long, and never past its own `exp`. */
const CHECKED_TOKEN_MS = 5 * 60_000;

type Activity = Parameters<ConfigurationBotFrameworkAuthentication['authenticateRequest']>[0];

/**
 * CloudAdapter asks for a new ConnectorClient (an @azure/core-client pipeline) and a new user-token
 * client on every turn; they hold no per-turn state, so one per app id, serviceUrl and audience serves
 * every turn. Credentials live in the client and refresh their own tokens. Replies go only to
 * allowed serviceUrls; those of in-process channels (the web chat) are function calls.
 */
export class ReusingAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectors = new Map<string, Promise<ConnectorClient>>();
  private readonly tokenClients = new Map<string, Promise<UserTokenClient>>();
  /** With auth off every request gets the same anonymous result: built once, not per turn. */
  private anonymous: Promise<AuthenticateResult> | undefined;
  /** Results of tokens already validated, by token, channel and serviceUrl, until `until` (ms). */
  private readonly checked = new Map<string, { result: Promise<AuthenticateResult>; until: number }>();
  private readonly authDisabled: boolean;

  constructor(
    configuration: AuthConfiguration,
    private readonly routes: { channels: InProcessChannels; serviceUrls: ServiceUrlPolicy },
  ) {
    super(configuration);
    this.authDisabled = !configuration?.MicrosoftAppId;
  }

  /**
   * The SDK validates the token (or builds the anonymous identity) and a connector factory on every request: here
   * that is done once with auth off, and once per token (until it expires, at most 5 min) with auth on.
   */
  override authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateResult> {
    // An emulator calling the bot as a skill gets a skill claim: not the shared anonymous result.
    if (this.authDisabled && !(activity.channelId === 'emulator' && activity.recipient?.role === 'skill'))
      return (this.anonymous ??= this.validated(activity, authHeader).catch((error: unknown) => {
        this.anonymous = undefined;
        throw error;
      }));
    const until = tokenExpiry(authHeader);
    if (until === undefined) return this.validated(activity, authHeader);
    const key = `${authHeader}|${activity.channelId ?? ''}|${activity.serviceUrl ?? ''}`;
    const now = Date.now();
    const known = this.checked.get(key);
    if (known && known.until > now) return known.result;
    if (this.checked.size >= MAX_CHECKED_TOKENS) this.checked.clear();
    const result = this.validated(activity, authHeader);
    this.checked.set(key, { result, until: Math.min(until, now + CHECKED_TOKEN_MS) });
    // A refused token is not remembered: each request with it is refused by the SDK's own check.
    result.catch(() => this.checked.delete(key));
    return result;
  }

  private async validated(activity: Activity, authHeader: string): Promise<AuthenticateResult> {
    const result = await super.authenticateRequest(activity, authHeader);
    return result.connectorFactory
      ? { ...result, connectorFactory: this.reusing(result.connectorFactory, appIdOf(result.claimsIdentity)) }
      : result;
  }

  /** Proactive messages (the agent desk) build their connector here. */
  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.reusing(super.createConnectorFactory(claimsIdentity), appIdOf(claimsIdentity));
  }

  private reusing(factory: ConnectorFactory, appId: string): ConnectorFactory {
    const reusing = Object.create(factory) as ConnectorFactory;
    reusing.create = (serviceUrl: string, audience?: string) => {
      if (!this.routes.serviceUrls.allows(serviceUrl))
        return Promise.reject(
          new Error(`serviceUrl ${serviceUrl.slice(0, 200)} is not allowed (ALLOWED_SERVICE_URLS)`),
        );
      const inProcess = this.routes.channels.find(serviceUrl);
      return cached(this.connectors, `${appId}|${serviceUrl}|${audience ?? ''}`, async () => {
        const client = await factory.create(serviceUrl, audience);
        return inProcess ? this.routes.channels.connector(client, inProcess) : leanConnector(client, serviceUrl);
      });
    };
    return reusing;
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return cached(this.tokenClients, appIdOf(claimsIdentity), () => super.createUserTokenClient(claimsIdentity));
  }
}

/** The bot's own app id as ConnectorFactoryImpl derives it (audience claim, else appid); '' when anonymous. */
function appIdOf(identity: ClaimsIdentity): string {
  return identity.getClaimValue('aud') ?? identity.getClaimValue('appid') ?? '';
}

/** The `exp` (ms) of a bearer JWT, read without checking it (the SDK checks it the first time); undefined if none. */
function tokenExpiry(authHeader: string): number | undefined {
  const payload = /^Bearer [\w-]+\.([\w-]+)\.[\w-]+$/.exec(authHeader.trim())?.[1];
  if (!payload) return undefined;
  try {
    const exp = (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

function cached<T>(cache: Map<string, Promise<T>>, key: string, create: () => Promise<T>): Promise<T> {
  let client = cache.get(key);
  if (!client) {
    if (cache.size >= MAX_CLIENTS) cache.clear();
    client = create();
    cache.set(key, client);
    // A failed creation (e.g. credentials not reachable) is not kept: the next turn tries again.
    client.catch(() => cache.delete(key));
  }
  return client;
}
