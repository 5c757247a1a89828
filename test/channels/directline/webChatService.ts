// A running service for the Direct Line tests: token and REST helpers against the bridge's real routes.
import { SignJWT } from 'jose';
import { startService, storeEnv, type RunningService, type StoreKind } from '../../helpers/service.js';

export const TEST_SECRET = 'test-directline-secret-of-at-least-32-chars';

export interface Conversation {
  conversationId: string;
  token: string;
  expires_in: number;
}

export function startWebChatService(kind: StoreKind, env: Record<string, string> = {}): Promise<RunningService> {
  return startService({ ...storeEnv(kind), DIRECTLINE_SECRET: TEST_SECRET, ...env });
}

export async function call(
  url: string,
  path: string,
  options: { method?: string; token?: string; body?: unknown } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const response = await fetch(`${url}${path}`, {
    method: options.method ?? 'POST',
    headers,
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

export async function generate(url: string, body: Record<string, unknown> = {}): Promise<Conversation> {
  const answer = await call(url, '/v3/directline/tokens/generate', { body });
  if (answer.status !== 200)
    throw new Error(`tokens/generate answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body as unknown as Conversation;
}

/** A conversation token signed with the test secret that expired a minute ago. */
export function expiredToken(conversationId: string, user: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ scope: 'conversation', conv: conversationId, user })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer('xieshang')
    .setIssuedAt(now - 1900)
    .setExpirationTime(now - 60)
    .sign(new TextEncoder().encode(TEST_SECRET));
}

export function userOf(token: string): string {
  return (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as { user: string }).user;
}
