// The Activity fields a turn relies on, validated before the bot sees them (400 otherwise).
import { z } from 'zod';

/** Ids go into connector URLs: a lone UTF-16 surrogate cannot be URI-encoded, so the replies would be lost. */
const Id = z
  .string()
  .min(1)
  .max(512)
  .refine((id) => !/\p{Cs}/u.test(id), 'must be valid Unicode (it has a lone UTF-16 surrogate)');
const Account = z.looseObject({ id: Id, name: z.string().max(512).optional(), role: z.string().optional() });

export const IncomingActivitySchema = z.looseObject({
  type: z.string().min(1).max(64),
  id: z
    .string()
    .max(512)
    .refine((id) => !/\p{Cs}/u.test(id), 'must be valid Unicode (it has a lone UTF-16 surrogate)')
    .optional(),
  timestamp: z.string().optional(),
  localTimestamp: z.string().optional(),
  channelId: z.string().min(1).max(128),
  serviceUrl: z.url({ error: 'serviceUrl must be the URL the bot replies to' }),
  conversation: z.looseObject({ id: Id }),
  from: Account,
  recipient: Account,
  text: z.string().optional(),
  value: z.unknown().optional(),
  locale: z.string().max(32).optional(),
  membersAdded: z.array(Account).optional(),
  channelData: z.unknown().optional(),
});
export type IncomingActivity = z.infer<typeof IncomingActivitySchema>;

/** Activities the route has checked, by the object the adapter hands on to the bot (one parse a turn, not two). */
const checkedActivities = new WeakMap<object, IncomingActivity>();

/** Checks what a channel posted; once valid, the bot's `incomingActivity` of the same object reuses the result. */
export function checkIncomingActivity(posted: unknown): ReturnType<typeof IncomingActivitySchema.safeParse> {
  const parsed = IncomingActivitySchema.safeParse(posted);
  if (parsed.success && typeof posted === 'object' && posted !== null) checkedActivities.set(posted, parsed.data);
  return parsed;
}

/** The activity of a turn as checked: by the route when it came that way, else now (throws when invalid). */
export function incomingActivity(activity: object): IncomingActivity {
  return checkedActivities.get(activity) ?? IncomingActivitySchema.parse(activity);
}

/** Maps a channel's locale tag to one we speak: zh-TW/zh-HK/zh-Hant → zh-TW, other zh → zh-CN, else en. */
export function supportedLocale(tag: string | undefined): 'zh-CN' | 'zh-TW' | 'en' | undefined {
  if (!tag) return undefined;
  const lower = tag.toLowerCase();
  if (/^zh[-_](tw|hk|mo|hant)/.test(lower)) return 'zh-TW';
  if (lower.startsWith('zh')) return 'zh-CN';
  if (lower.startsWith('en')) return 'en';
  return undefined;
}
