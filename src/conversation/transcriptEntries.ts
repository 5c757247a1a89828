// Transcript entries for what the borrower sent and what the bot replied, personal data masked.
import type { ExpectedAnswer } from '../../machines/context.js';
import { maskPersonalData } from '../domain/maskPersonalData.js';
import type { TranscriptEntry } from '../domain/transcript.js';
import type { IncomingActivity } from '../bot/activitySchema.js';
import type { OutgoingMessage } from './render/renderReplies.js';

/** Answers to identity questions are never stored, only that one was given. */
const WITHHELD: ReadonlySet<ExpectedAnswer> = new Set(['idLast4', 'date']);
const MAX_STORED_CHARS = 4000;
/** A button's or card's `value` larger than this (JSON bytes) is not stored, only its size: buttons send a few bytes. */
export const MAX_STORED_VALUE_BYTES = 2048;

export function borrowerEntry(
  activity: IncomingActivity,
  text: string,
  expected: ExpectedAnswer | undefined,
  at: string,
): TranscriptEntry {
  const stored =
    expected && WITHHELD.has(expected)
      ? '[identity answer withheld]'
      : maskPersonalData(text.slice(0, MAX_STORED_CHARS));
  return {
    at,
    actor: 'borrower',
    channelId: activity.channelId,
    kind: 'message',
    text: stored,
    ...(activity.value !== undefined ? { data: storedValue(activity.value) } : {}),
  };
}

function storedValue(value: unknown): Record<string, unknown> {
  const bytes = Buffer.byteLength(JSON.stringify(value) ?? '');
  return bytes <= MAX_STORED_VALUE_BYTES ? { value } : { valueOmitted: true, valueBytes: bytes };
}

export function botEntries(replies: readonly OutgoingMessage[], channelId: string, at: string): TranscriptEntry[] {
  return replies.map((reply) => {
    const cards = (reply.attachments ?? []).map((attachment) => String(attachment.content.fallbackText ?? ''));
    return {
      at,
      actor: 'bot',
      channelId,
      kind: 'message',
      text: maskPersonalData([reply.text, ...cards].filter(Boolean).join('\n\n')),
      ...(reply.suggestedActions
        ? { data: { buttons: reply.suggestedActions.actions.map((action) => action.title) } }
        : {}),
    };
  });
}

/** The plain conversation reference kept to reach the borrower later: only the fields a reply needs, never whatever else a caller sent. */
export function conversationReference(activity: IncomingActivity): Record<string, unknown> {
  return {
    channelId: activity.channelId,
    serviceUrl: activity.serviceUrl,
    conversation: known(activity.conversation, ['id', 'name', 'isGroup', 'conversationType', 'tenantId']),
    user: known(activity.from, ['id', 'name', 'role', 'aadObjectId']),
    bot: known(activity.recipient, ['id', 'name', 'role']),
    ...(activity.locale ? { locale: activity.locale } : {}),
  };
}

/** Short strings and booleans of the named fields only (a reference is stored with the case). */
function known(source: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(
    fields.flatMap((field) => {
      const value = source[field];
      return (typeof value === 'string' && value.length <= 512) || typeof value === 'boolean' ? [[field, value]] : [];
    }),
  );
}
