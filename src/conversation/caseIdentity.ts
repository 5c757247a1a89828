// Case ids: derived from the channel and conversation, so finding a case costs no lookup.
import { createHash } from 'node:crypto';

/** `caseIdFor('msteams', '19:abc')` → "c-3f9a…" (stable, 20 characters, safe in Redis keys and URLs). */
export function caseIdFor(channelId: string, conversationId: string): string {
  return `c-${createHash('sha256').update(`${channelId}\u0000${conversationId}`).digest('base64url').slice(0, 18)}`;
}
