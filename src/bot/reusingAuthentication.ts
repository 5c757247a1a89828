// Bot Framework authentication that reuses connector and user-token clients instead of building them every turn.
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { leanConnector } from './leanConnector.js';

type AuthenticateResult = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;
type ConnectorFactory = NonNullable<AuthenticateResult['connectorFactory']>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;
type ClaimsIdentity = AuthenticateResult['claimsIdentity'];
type UserTokenClient = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['createUserTokenClient']>>;

/** serviceUrl comes from the activity: past this many clients the cache starts again rather than grow. */
const MAX_CLIENTS = 256;

/**
 * CloudAdapter asks for a new ConnectorClient (an @azure/core-client pipeline) and a new user-token
 * client on every turn; they hold no per-turn state, so one per app id, serviceUrl and audience serves
 * every turn. Credentials live in the client and refresh their own tokens.
 */
export class ReusingAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectors = new Map<string, Promise<ConnectorClient>>();
  private readonly tokenClients = new Map<string, Promise<UserTokenClient>>();

  override async authenticateRequest(activity: Parameters<ConfigurationBotFrameworkAuthentication['authenticateRequest']>[0], authHeader: string): Promise<AuthenticateResult> {
    const result = await super.authenticateRequest(activity, authHeader);
    const factory = result.connectorFactory;
    if (!factory) return result;
    const appId = appIdOf(result.claimsIdentity);
    const reusing = Object.create(factory) as ConnectorFactory;
    reusing.create = (serviceUrl: string, audience?: string) => cached(this.connectors, `${appId}|${serviceUrl}|${audience ?? ''}`, async () => leanConnector(await factory.create(serviceUrl, audience), serviceUrl));
    return { ...result, connectorFactory: reusing };
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return cached(this.tokenClients, appIdOf(claimsIdentity), () => super.createUserTokenClient(claimsIdentity));
  }
}

/** The bot's own app id as ConnectorFactoryImpl derives it (audience claim, else appid); '' when anonymous. */
function appIdOf(identity: ClaimsIdentity): string {
  return identity.getClaimValue('aud') ?? identity.getClaimValue('appid') ?? '';
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
