// Reads what the desk needs from a case's persisted machine snapshot, validated (the store is a boundary).
import { z } from 'zod';
import { AccountSchema, type Account } from '../domain/account.js';
import { HardshipSchema, type Hardship } from '../domain/hardship.js';
import { OfferBasisSchema, OfferSchema, type Offer, type OfferBasis } from '../domain/offers/offer.js';
import type { TranscriptEntry } from '../domain/transcript.js';
import { NegotiationContextSchema, type NegotiationContext } from '../../machines/context.js';

const ContextSchema = z.looseObject({
  account: AccountSchema.optional(),
  hardship: HardshipSchema.partial().default({}),
  offers: z.array(OfferSchema).default([]),
  shownIds: z.array(z.string()).default([]),
  presentedIds: z.array(z.string()).default([]),
  basis: OfferBasisSchema.optional(),
});
const SnapshotSchema = z.looseObject({ value: z.unknown(), context: ContextSchema });

export interface NegotiationFacts {
  account: Account | undefined;
  hardship: Partial<Hardship>;
  offers: Offer[];
  shownIds: string[];
  presentedIds: string[];
  basis: OfferBasis | undefined;
  /** The whole context when the snapshot is a valid one, for rebuilding a snapshot on hand-back. */
  context: NegotiationContext | undefined;
}

export function negotiationFacts(snapshot: unknown): NegotiationFacts {
  const parsed = SnapshotSchema.safeParse(snapshot);
  if (!parsed.success)
    return {
      account: undefined,
      hardship: {},
      offers: [],
      shownIds: [],
      presentedIds: [],
      basis: undefined,
      context: undefined,
    };
  const { account, hardship, offers, shownIds, presentedIds, basis } = parsed.data.context;
  const context = NegotiationContextSchema.safeParse(parsed.data.context);
  return {
    account,
    hardship,
    offers,
    shownIds,
    presentedIds,
    basis,
    context: context.success ? context.data : undefined,
  };
}

/** Offers agents proposed on this case, newest last (recorded as `offer.proposed` events). */
export function proposedOffers(transcript: readonly TranscriptEntry[]): Offer[] {
  return transcript.flatMap((entry) => {
    if (entry.actor !== 'agent' || entry.text !== 'offer.proposed') return [];
    const parsed = OfferSchema.safeParse(entry.data?.offer);
    return parsed.success ? [parsed.data] : [];
  });
}
