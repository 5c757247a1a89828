// The activity shapes at the bridge's two doors: what a Direct Line client posts, what the bot sends back.
import { z } from 'zod';
import { HttpError } from '../../errors.js';
import type { StoredActivity } from './directLineStore.js';
import { describeIssues } from '../../zodIssues.js';

export const DIRECTLINE_CHANNEL = 'directline';
/** The serviceUrl of web chat conversations: served in-process on every instance (`.invalid` never resolves). */
export const DIRECTLINE_SERVICE_URL = 'https://directline.xieshang.invalid/';
export const BOT_ACCOUNT = { id: 'xieshang', name: 'xieshang', role: 'bot' } as const;

/** A client's activity (Web Chat, DirectLineJS): only these fields are kept; ids, sender and addresses are the bridge's. */
export const ClientActivitySchema = z.looseObject({
  type: z.string().min(1).max(64),
  text: z.string().max(20_000).optional(),
  value: z.unknown().optional(),
  name: z.string().max(256).optional(),
  locale: z.string().max(32).optional(),
  textFormat: z.string().max(32).optional(),
  channelData: z.unknown().optional(),
  attachments: z.array(z.unknown()).max(10).optional(),
  entities: z.array(z.unknown()).max(20).optional(),
  from: z.looseObject({ name: z.string().max(256).optional() }).optional(),
});

/** What the bot sends to its serviceUrl: an Activity; the bridge stamps the conversation and time. */
export const BotActivitySchema = z.looseObject({
  type: z.string().min(1).max(64),
  from: z.looseObject({ id: z.string() }).optional(),
  timestamp: z.unknown().optional(),
});

export const StartBodySchema = z.looseObject({ locale: z.string().max(32).optional() }).optional();
export const GenerateBodySchema = z
  .object({
    invite: z.string().max(4096).optional(),
    locale: z.string().max(32).optional(),
    deviceKey: z.string().min(16).max(128).optional(),
  })
  .optional();

export function parseBody<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const parsed = schema.safeParse(body === '' ? undefined : body);
  if (parsed.success) return parsed.data;
  throw new HttpError(400, `not a valid ${what} — ${describeIssues(parsed.error)}`);
}

/** The borrower's activity as every reader of the conversation sees it (the echo Web Chat waits for). */
export function fromBorrower(
  posted: z.infer<typeof ClientActivitySchema>,
  conversationId: string,
  userId: string,
  now: Date,
): StoredActivity {
  const { type, text, value, name, locale, textFormat, channelData, attachments, entities } = posted;
  return {
    type,
    ...defined({ text, value, name, locale, textFormat, channelData, attachments, entities }),
    channelId: DIRECTLINE_CHANNEL,
    conversation: { id: conversationId },
    from: { id: userId, ...(posted.from?.name ? { name: posted.from.name } : {}), role: 'user' },
    recipient: BOT_ACCOUNT,
    timestamp: now.toISOString(),
  };
}

/** The id a Direct Line client (Web Chat, DirectLineJS) gives its activity in `channelData.clientActivityID`. */
export function clientActivityIdOf(posted: z.infer<typeof ClientActivitySchema>): string | undefined {
  const parsed = z.looseObject({ clientActivityID: z.string().min(1).max(256) }).safeParse(posted.channelData);
  return parsed.success ? parsed.data.clientActivityID : undefined;
}

/** The bot's activity as the client sees it: never the internal serviceUrl. */
export function fromBot(sent: z.infer<typeof BotActivitySchema>, conversationId: string, now: Date): StoredActivity {
  const { serviceUrl: _internal, timestamp, ...rest } = sent;
  return {
    ...rest,
    channelId: DIRECTLINE_CHANNEL,
    conversation: { id: conversationId },
    from: sent.from ?? BOT_ACCOUNT,
    timestamp: typeof timestamp === 'string' ? timestamp : now.toISOString(),
  };
}

function defined(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}
