// Sends the bot's replies with one keep-alive HTTP request each, instead of the SDK's per-request pipeline.
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

const agents = {
  'http:': new HttpAgent({ keepAlive: true, maxSockets: 256 }),
  'https:': new HttpsAgent({ keepAlive: true, maxSockets: 256 }),
};
const TIMEOUT_MS = 15_000;

/** What the SDK's AppCredentials offer; anonymous credentials (auth off) have no app id. */
interface Credentials {
  appId?: string;
  getToken?: (forceRefresh?: boolean) => Promise<string>;
}

/**
 * The SDK's ConnectorClient runs every reply through @azure/core-client (model serialisation,
 * policies, tracing): about an eighth of a turn's CPU. Replying and sending to a conversation are
 * plain JSON POSTs (Bot Framework Connector API v3), so those two go straight out here, signed with
 * the client's own credentials; every other operation stays the SDK's.
 */
export function leanConnector<T extends { conversations: object }>(client: T, serviceUrl: string): T {
  const credentials = (client as { credentials?: Credentials }).credentials;
  const base = new URL(serviceUrl.endsWith('/') ? serviceUrl : `${serviceUrl}/`);
  const path = (conversationId: string, activityId?: string) =>
    `v3/conversations/${encodeURIComponent(conversationId)}/activities${activityId ? `/${encodeURIComponent(activityId)}` : ''}`;
  const conversations = Object.create(client.conversations, {
    replyToActivity: {
      value: (conversationId: string, activityId: string, activity: unknown) =>
        post(base, path(conversationId, activityId), activity, credentials),
    },
    sendToConversation: {
      value: (conversationId: string, activity: unknown) => post(base, path(conversationId), activity, credentials),
    },
  }) as object;
  return Object.create(client, { conversations: { value: conversations } }) as T;
}

async function post(
  base: URL,
  path: string,
  activity: unknown,
  credentials: Credentials | undefined,
): Promise<{ id?: string }> {
  const url = new URL(path, base);
  const body = JSON.stringify(activity);
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
  };
  if (credentials?.appId && credentials.getToken) headers.authorization = `Bearer ${await credentials.getToken()}`;
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const agent = url.protocol === 'https:' ? agents['https:'] : agents['http:'];
  return new Promise((resolve, reject) => {
    const req = send(url, { method: 'POST', headers, agent, timeout: TIMEOUT_MS }, (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const status = res.statusCode ?? 0;
        if (status >= 200 && status < 300) return resolve(text ? (JSON.parse(text) as { id?: string }) : {});
        reject(
          Object.assign(new Error(`connector answered ${status} for POST ${url.pathname}`), { statusCode: status }),
        );
      });
      res.on('error', reject);
    });
    req.on('timeout', () =>
      req.destroy(new Error(`connector did not answer POST ${url.pathname} within ${TIMEOUT_MS} ms`)),
    );
    req.on('error', reject);
    req.end(body);
  });
}
