// The borrower's side of a whole demo negotiation (zh-CN, jobLossM2) and the Activity each line is sent as.

/** One line per turn, from the opening to the agreement; a virtual borrower then starts a new conversation. */
export const NEGOTIATION_SCRIPT: readonly string[] = [
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
  '方案1',
  '我同意',
];

/** Turns after which a conversation is mid-interview (identity checked, hardship questions begun), for the RSS measurement. */
export const MID_INTERVIEW_TURNS = 5;

/**
 * A message Activity as a channel (Emulator, Azure Bot Service) posts it: about 1 KB of JSON with the
 * usual ids, timestamps, channelData and entities, so the HTTP and JSON work per turn is realistic.
 */
export function messageActivity(serviceUrl: string, conversationId: string, sequence: number, text: string): string {
  const now = new Date().toISOString();
  return JSON.stringify({
    type: 'message',
    id: `${conversationId}|${sequence.toString().padStart(7, '0')}`,
    timestamp: now,
    localTimestamp: now,
    localTimezone: 'Asia/Shanghai',
    channelId: 'bench',
    serviceUrl,
    from: { id: `user-${conversationId}`, name: 'Borrower', role: 'user' },
    conversation: { id: conversationId, conversationType: 'personal', tenantId: 'bench-tenant' },
    recipient: { id: 'xieshang-bot', name: 'xieshang', role: 'bot' },
    textFormat: 'plain',
    locale: 'zh-CN',
    text,
    entities: [{ type: 'ClientCapabilities', requiresBotState: true, supportsListening: false, supportsTts: false }],
    channelData: { clientActivityID: `${Date.now()}${sequence}`, clientTimestamp: now, tenant: { id: 'bench-tenant' } },
  });
}
