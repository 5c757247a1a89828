// Offers are stored by recipe, not payment by payment, and come back from the store exactly as they were committed.
import { describe, expect, it } from 'vitest';
import { computeOffers } from '../../src/domain/offers/computeOffers.js';
import type { Offer } from '../../src/domain/offers/offer.js';
import { compactOfferSnapshots } from '../../src/store/compactOfferSnapshots.js';
import { MemoryCaseStore } from '../../src/store/memory/memoryStore.js';
import { jobLossM2, policy, reducedIncomeM1 } from '../domain/offers/borrowers.js';
import { caseRecord } from './caseStore.contract.js';

const offers = [jobLossM2, reducedIncomeM1].flatMap((borrower) => {
  const set = computeOffers({ ...borrower, policy });
  return [...set.offers, ...set.alternatives];
});
/** An agent's plan whose payments were set by hand: no recipe makes it. */
const edited: Offer = {
  ...offers[0]!,
  id: 'edited',
  schedule: offers[0]!.schedule.map((payment, i) =>
    i === 0
      ? { ...payment, amountMinor: payment.amountMinor + 3, principalMinor: payment.principalMinor + 3 }
      : payment,
  ),
};

function recordWith(context: Record<string, unknown>) {
  return caseRecord('c-compact', { snapshot: { status: 'active', value: { conversation: 'offers' }, context } });
}

describe('compactOfferSnapshots', () => {
  it('a case with the offers of two borrowers, one chosen – stored with recipes and no payment lists; loaded back equal to what was committed', async () => {
    const raw = new MemoryCaseStore();
    const store = compactOfferSnapshots(raw);
    expect(offers.length).toBeGreaterThanOrEqual(3);
    const context = { caseId: 'c-compact', offers, chosenOffer: offers[1], presentedIds: offers.map((o) => o.id) };
    const record = recordWith(context);
    expect(await store.commit({ caseId: 'c-compact', expectedVersion: 0, record, append: [] })).toMatchObject({
      ok: true,
    });

    const stored = (await raw.load('c-compact')).record!.snapshot as {
      context: { offers: object[]; chosenOffer: object };
    };
    for (const offer of [...stored.context.offers, stored.context.chosenOffer]) {
      expect(offer).not.toHaveProperty('schedule');
      expect(offer).toHaveProperty('recipe');
    }
    expect(JSON.stringify(stored).length).toBeLessThan(JSON.stringify(record.snapshot).length / 3);

    expect((await store.load('c-compact')).record).toEqual(record);
  });

  it('an offer no recipe rebuilds – stored with its payments, loaded back unchanged; a record without offers untouched', async () => {
    const raw = new MemoryCaseStore();
    const store = compactOfferSnapshots(raw);
    const record = recordWith({ caseId: 'c-compact', offers: [edited, offers[0]], chosenOffer: edited });
    await store.commit({ caseId: 'c-compact', expectedVersion: 0, record, append: [] });
    const stored = (await raw.load('c-compact')).record!.snapshot as {
      context: { offers: Offer[]; chosenOffer: Offer };
    };
    expect(stored.context.offers[0]!.schedule).toEqual(edited.schedule);
    expect(stored.context.chosenOffer.schedule).toEqual(edited.schedule);
    expect(stored.context.offers[1]).not.toHaveProperty('schedule');
    expect((await store.load('c-compact')).record).toEqual(record);

    const plain = caseRecord('c-plain');
    await store.commit({ caseId: 'c-plain', expectedVersion: 0, record: plain, append: [] });
    expect((await store.load('c-plain')).record).toEqual(plain);
  });
});
