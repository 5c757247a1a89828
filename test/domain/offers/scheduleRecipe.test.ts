// A schedule's recipe rebuilds it to the minor unit: what lets a stored case keep offers without their payments.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAccounts } from '../../../src/domain/demoAccounts.js';
import { computeOffers } from '../../../src/domain/offers/computeOffers.js';
import { evaluateCounterOffer } from '../../../src/domain/offers/evaluateCounterOffer.js';
import { buildSchedule } from '../../../src/domain/offers/schedule.js';
import { scheduleRecipe } from '../../../src/domain/offers/scheduleRecipe.js';
import { businessM3, hardshipWith, illnessM4, jobLossM2, noIncomeM2, policy, reducedIncomeM1 } from './borrowers.js';
import { SCHEDULE_SPEC_FIELDS } from './scheduleSpecs.js';

const path = new URL('../../../dialogs/demo-accounts.yaml', import.meta.url).pathname;
const demoAccounts = parseAccounts(readFileSync(path, 'utf8'), path);

const specArb = fc.record({
  ...SCHEDULE_SPEC_FIELDS,
  regularMinor: fc.integer({ min: 0, max: 500_000 }),
  regularMonths: fc.integer({ min: 0, max: 60 }),
});

describe('scheduleRecipe', () => {
  it('any schedule buildSchedule makes – a recipe, when found, builds it again payment for payment; found whenever each month repays at least 100 display units (¥100, NT$100) and the pause, if any, froze interest (an accruing pause may keep its payments)', () => {
    fc.assert(
      fc.property(specArb, (spec) => {
        const schedule = buildSchedule(spec);
        const recipe = scheduleRecipe(schedule);
        if (recipe) expect(buildSchedule(recipe)).toEqual(schedule);
        // Display units are yuan or dollars (100 minor units each) whatever the rounding unit: ¥100 and NT$100 are 10 000.
        const majorPerMonth = spec.principalMinor / spec.months / 100;
        if (majorPerMonth >= 100 && !(spec.pauseAccrues && spec.pauseMonths > 0)) expect(recipe).toBeDefined();
      }),
      { numRuns: 500 },
    );
  });

  it('every offer and counter-offer of the worked borrowers and the demo accounts – a recipe that rebuilds its schedule', () => {
    const cases = [jobLossM2, illnessM4, reducedIncomeM1, businessM3, noIncomeM2].map((c) => ({ ...c, policy }));
    for (const account of demoAccounts) {
      for (const reason of ['jobLoss', 'reducedIncome'] as const)
        cases.push({
          account,
          hardship: hardshipWith({ reason, duration: 'temporary', recoveryMonths: 3, lumpSumMinor: 10_000_000 }),
          policy,
        });
    }
    let offers = 0;
    for (const input of cases) {
      const set = computeOffers(input);
      const counter = evaluateCounterOffer({ ...input, amountMinor: 200_000 });
      for (const offer of [...set.offers, ...set.alternatives, ...(counter.accepted ? [counter.offer] : [])]) {
        const recipe = scheduleRecipe(offer.schedule);
        expect(recipe, offer.id).toBeDefined();
        expect(buildSchedule(recipe!), offer.id).toEqual(offer.schedule);
        offers += 1;
      }
    }
    expect(offers).toBeGreaterThan(20);
  });

  it('a schedule no recipe makes (payments edited by hand) – none, so it is kept as it is', () => {
    const schedule = buildSchedule({ principalMinor: 100_000, rateBps: 1200, months: 6 });
    const edited = schedule.map((payment, i) =>
      i === 2
        ? { ...payment, amountMinor: payment.amountMinor + 1, principalMinor: payment.principalMinor + 1 }
        : payment,
    );
    expect(scheduleRecipe(edited)).toBeUndefined();
    expect(scheduleRecipe([])).toBeUndefined();
  });
});
