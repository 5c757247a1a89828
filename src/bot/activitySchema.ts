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

/** Maps a channel's locale tag to one we speak: zh-TW/zh-HK/zh-Hant → zh-TW, other zh → zh-CN, else en. */
export function supportedLocale(tag: string | undefined): 'zh-CN' | 'zh-TW' | 'en' | undefined {
  if (!tag) return undefined;
  const lower = tag.toLowerCase();
  if (/^zh[-_](tw|hk|mo|hant)/.test(lower)) return 'zh-TW';
  if (lower.startsWith('zh')) return 'zh-CN';
  if (lower.startsWith('en')) return 'en';
  return undefined;
}
