// What each browser of a conversation may read: a device that has not passed the identity check reads only its own.
import type { ActivitySet, ConversationRecord, StoredActivity } from './directLineStore.js';

/** The stored activity's audience: the device (key hash) whose post it is, or whose post the bot answered. */
const AUDIENCE = 'xsAudience';

/** Marks an activity as one device's own (its post, the bot's answer to it, the identity prompts it was sent). */
export function forDevice(activity: StoredActivity, device: string | undefined): StoredActivity {
  return device ? { ...activity, [AUDIENCE]: device } : activity;
}

/**
 * Whether a browser reads the whole conversation: the one that started it (no key, or the first key), and any that
 * passed the identity check on an answer of its own. One that joined later reads only its own until then.
 */
export function readsEverything(record: ConversationRecord | undefined, device: string | undefined): boolean {
  if (!device) return true;
  const known = record?.devices?.find((d) => d.keyHash === device);
  return known !== undefined && known.verified !== false;
}

/** The page as this browser may see it (the watermark unchanged: what it may not see is skipped, never sent later). */
export function visibleTo(set: ActivitySet, device: string | undefined, everything: boolean): ActivitySet {
  return {
    watermark: set.watermark,
    activities: set.activities
      .filter((activity) => everything || (device !== undefined && activity[AUDIENCE] === device))
      .map(({ [AUDIENCE]: _audience, ...activity }) => activity as (typeof set.activities)[number]),
  };
}
