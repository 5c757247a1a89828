// Test helpers for the agent desk: an API client per token, an SSE reader, and a borrower escalated at the offers.
import type { BorrowerChannel } from '../helpers/borrowerChannel.js';

export const TOKENS = {
  li: 'dev-agent-token',
  amy: 'dev-agent2-token',
  supervisor: 'dev-supervisor-token',
  admin: 'dev-admin-token',
} as const;

export interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
}

export function deskClient(baseUrl: string, token?: string) {
  const call = async <T = Record<string, unknown>>(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
  ): Promise<Answer<T>> => {
    const headers: Record<string, string> = {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    };
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, body: (await response.json()) as T };
  };
  return {
    get: <T = Record<string, unknown>>(path: string) => call<T>('GET', path),
    post: <T = Record<string, unknown>>(path: string, body: unknown = {}) => call<T>('POST', path, body),
  };
}

export interface StreamEvent {
  type: string;
  caseId: string;
  agentId?: string;
  entries?: Array<{ actor: string; actorId?: string; kind: string; text: string }>;
}

/** Reads /api/agent/events; `next` resolves with the first event (seen or coming) that matches. */
export async function openStream(baseUrl: string, token: string, caseId?: string) {
  const controller = new AbortController();
  const response = await fetch(
    `${baseUrl}/api/agent/events?access_token=${token}${caseId ? `&caseId=${caseId}` : ''}`,
    { signal: controller.signal },
  );
  if (response.status !== 200 || !response.body) throw new Error(`stream answered ${response.status}`);
  const events: StreamEvent[] = [];
  const waiters: Array<() => void> = [];
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split('\n').find((line) => line.startsWith('data: '));
          if (data) events.push(JSON.parse(data.slice(6)) as StreamEvent);
          waiters.splice(0).forEach((wake) => wake());
        }
      }
    } catch {
      // aborted by close()
    }
  })();
  return {
    events,
    async next(match: (event: StreamEvent) => boolean, timeoutMs = 5000): Promise<StreamEvent> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = events.find(match);
        if (found) return found;
        if (Date.now() > deadline)
          throw new Error(`no matching event within ${timeoutMs} ms; saw ${JSON.stringify(events.map((e) => e.type))}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
    },
    close: () => controller.abort(),
  };
}

/** jobLossM2 answers the interview, sees the offers, then asks for a person: escalated with offers in context. */
export const TO_OFFERS = [
  '你好',
  'LN-2024-0001',
  '1234',
  '1990-05-20',
  '失业',
  '暂时的',
  '3',
  '8000',
  '三千五',
  '没有',
  '1',
  '两千五',
];

export async function escalateAtOffers(borrower: BorrowerChannel): Promise<void> {
  for (const text of TO_OFFERS) await borrower.say(text);
  await borrower.say('人工');
}
