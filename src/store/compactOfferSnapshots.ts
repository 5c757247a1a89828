// Case snapshots (and, on Redis, agreements) are stored with each offer's payment schedule replaced by its recipe
// (eight integers instead of one object per month): the offers of a case were most of its stored record. Every load
// rebuilds the schedules exactly, so nothing above the store sees the difference; a schedule no recipe rebuilds is
// stored as it is.
import type { Agreement, CaseRecord } from '../domain/case.js';
import type { Payment } from '../domain/offers/offer.js';
import { ScheduleSpecSchema, scheduleFromRecipe, scheduleRecipe } from '../domain/offers/scheduleRecipe.js';
import { delegateTo } from './delegatingCaseStore.js';
import type { CaseStore } from './caseStore.js';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null;

/** Wraps a store: every commit stores offers (`context.offers`, `context.chosenOffer`) by recipe, every load rebuilds them. */
export function compactOfferSnapshots(store: CaseStore): CaseStore {
  // The record each stored form came from (committed, or rebuilt on an earlier load): the store below hands back the
  // very object it was given or read last when nothing changed, and gets the same record back, not a rebuilt copy.
  const withSchedules = new WeakMap<CaseRecord, CaseRecord>();
  const rebuilt = (stored: CaseRecord) => {
    const known = withSchedules.get(stored);
    if (known) return known;
    const record = withOffers(stored, offerWithSchedule);
    withSchedules.set(stored, record);
    return record;
  };
  return {
    ...delegateTo(store),
    async load(caseId, activityId) {
      const loaded = await store.load(caseId, activityId);
      return loaded.record ? { ...loaded, record: rebuilt(loaded.record) } : loaded;
    },
    commit(commit) {
      const record = withOffers(commit.record, offerByRecipe);
      withSchedules.set(record, commit.record);
      return store.commit({ ...commit, record });
    },
  };
}

function withOffers(record: CaseRecord, change: (offer: unknown) => unknown): CaseRecord {
  const snapshot = record.snapshot;
  if (!isObject(snapshot) || !isObject(snapshot.context)) return record;
  const { offers, chosenOffer } = snapshot.context;
  if (!Array.isArray(offers) && chosenOffer === undefined) return record;
  const context: Json = { ...snapshot.context };
  if (Array.isArray(offers)) context.offers = offers.map(change);
  if (chosenOffer !== undefined) context.chosenOffer = change(chosenOffer);
  return { ...record, snapshot: { ...snapshot, context } };
}

/** The offer with `recipe` in place of `schedule`, when one rebuilds it exactly (an agreement's offer too). */
export function offerByRecipe(offer: unknown): unknown {
  if (!isObject(offer) || !Array.isArray(offer.schedule)) return offer;
  const { schedule, ...terms } = offer;
  const recipe = scheduleRecipe(schedule as Payment[]);
  return recipe ? { ...terms, recipe } : offer;
}

/** The offer with its schedule rebuilt from `recipe`; anything else as stored (the context's schema judges it). */
export function offerWithSchedule(offer: unknown): unknown {
  if (!isObject(offer) || offer.schedule !== undefined || offer.recipe === undefined) return offer;
  const recipe = ScheduleSpecSchema.safeParse(offer.recipe);
  if (!recipe.success) return offer;
  const { recipe: _stored, ...terms } = offer;
  return { ...terms, schedule: scheduleFromRecipe(recipe.data) };
}

/**
 * An agreement as the Redis store keeps it: its offer by recipe when one rebuilds the schedule exactly (≈ 0.5 KiB
 * stored instead of ≈ 0.9); `agreementWithSchedule` undoes it before the agreement's schema checks what was read.
 */
export function agreementByRecipe(agreement: Agreement): unknown {
  return { ...agreement, offer: offerByRecipe(agreement.offer) };
}

export function agreementWithSchedule(stored: unknown): unknown {
  return isObject(stored) ? { ...stored, offer: offerWithSchedule(stored.offer) } : stored;
}
