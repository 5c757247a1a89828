// Micro-benchmark of the rules module: computeOffers over the demo personas and random valid cases, µs per case.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { AccountSchema, type Account } from '../../src/domain/account.js';
import { parseAccounts } from '../../src/domain/demoAccounts.js';
import { HARDSHIP_REASONS, HardshipSchema, type Hardship } from '../../src/domain/hardship.js';
import { computeOffers, parseOfferPolicy, type OfferInput } from '../../src/domain/offers/index.js';

const RANDOM_CASES = 2_000;

/** A small seeded generator (mulberry32): the same cases on every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomCase(random: () => number, template: Account): { account: Account; hardship: Hardship } {
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const balanceMinor = int(5_000, 50_000) * 100;
  const account = AccountSchema.parse({
    ...template,
    balanceMinor,
    overdueMinor: Math.floor(balanceMinor * (0.05 + random() * 0.4)),
    feesMinor: int(0, 5_000) * 100,
    regularMonthlyMinor: int(300, 5_000) * 100,
    remainingMonths: int(1, 48),
    daysPastDue: int(1, 360),
    brokenArrangements12m: random() < 0.2 ? 1 : 0,
  });
  const temporary = random() < 0.5;
  const hardship = HardshipSchema.parse({
    reason: HARDSHIP_REASONS[int(0, HARDSHIP_REASONS.length - 1)],
    duration: temporary ? 'temporary' : 'longTerm',
    ...(temporary ? { recoveryMonths: int(1, 12) } : {}),
    incomeMinor: int(0, 20_000) * 100,
    essentialSpendingMinor: int(1_000, 8_000) * 100,
    otherDebtPaymentsMinor: random() < 0.5 ? 0 : int(100, 3_000) * 100,
    dependants: int(0, 3),
    ...(random() < 0.7 ? { statedMonthlyMinor: int(100, 6_000) * 100 } : {}),
  });
  return { account, hardship };
}

/** The demo hardship of the scripted negotiation, applied to every persona. */
const SCRIPTED: Hardship = {
  reason: 'jobLoss',
  duration: 'temporary',
  recoveryMonths: 3,
  incomeMinor: 800_000,
  essentialSpendingMinor: 350_000,
  otherDebtPaymentsMinor: 0,
  dependants: 1,
  statedMonthlyMinor: 250_000,
};

export function offerCases(): OfferInput[] {
  const policy = parseOfferPolicy(readFileSync('dialogs/offer-policy.yaml', 'utf8'), 'dialogs/offer-policy.yaml');
  const personas = parseAccounts(readFileSync('dialogs/demo-accounts.yaml', 'utf8'), 'dialogs/demo-accounts.yaml');
  const random = seeded(20240520);
  const cases: OfferInput[] = personas.map((account) => ({ account, hardship: SCRIPTED, policy }));
  for (let index = 0; index < RANDOM_CASES; index++)
    cases.push({ ...randomCase(random, personas[index % personas.length]!), policy });
  return cases;
}

/** Mean µs per computeOffers call, after a warm-up pass, over at least `minMs` of calls. */
export function timeOffers(minMs = 1_000): { microsPerCase: number; cases: number } {
  const cases = offerCases();
  for (const input of cases) computeOffers(input);
  let calls = 0;
  const start = performance.now();
  while (performance.now() - start < minMs) {
    for (const input of cases) computeOffers(input);
    calls += cases.length;
  }
  return { microsPerCase: ((performance.now() - start) * 1000) / calls, cases: cases.length };
}
