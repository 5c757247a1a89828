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

/**
 * CloudAdapter asks for a new ConnectorClient (an @azure/core-client pipeline) and a new user-token
 * client on every turn; they hold no per-turn state, so one per app id, serviceUrl and audience serves
 * every turn. Credentials live in the client and refresh their own tokens. Replies go only to
 * allowed serviceUrls; those of in-process channels (the web chat) are function calls.
 */
export class ReusingAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectors = new Map<string, Promise<ConnectorClient>>();
  private readonly tokenClients = new Map<string, Promise<UserTokenClient>>();

  constructor(
    configuration: AuthConfiguration,
    private readonly routes: { channels: InProcessChannels; serviceUrls: ServiceUrlPolicy },
  ) {
    super(configuration);
  }

  override async authenticateRequest(
    activity: Parameters<ConfigurationBotFrameworkAuthentication['authenticateRequest']>[0],
    authHeader: string,
  ): Promise<AuthenticateResult> {
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
