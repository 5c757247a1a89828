// The rules between an offer policy's keys a schema cannot say: ceilings, contact hours, interest per kind.
import { JURISDICTION_CONTACT_HOURS, minuteOfDay } from '../contact/contactHours.js';
import { chargesInterest } from './interestCharge.js';
import { JURISDICTION_CEILINGS, type OfferPolicy } from './offerPolicySchema.js';

export interface Problem {
  path: PropertyKey[];
  expected: string;
}

/** Rules between keys, and the jurisdiction's ceilings: each problem names the key and what is expected. */
export function crossCheck(policy: OfferPolicy): Problem[] {
  const problems: Problem[] = [];
  const atLeast = (path: PropertyKey[], value: number, min: number, what: string) => {
    if (value < min) problems.push({ path, expected: `at least ${what} (${min}) expected` });
  };
  for (const kind of ['grace', 'installment', 'freeze'] as const) {
    atLeast([kind, 'maxMonths'], policy[kind].maxMonths, policy[kind].minMonths, `${kind}.minMonths`);
  }
  const { installmentMaxMonths } = policy.secondArrangement;
  atLeast(
    ['secondArrangement', 'installmentMaxMonths'],
    installmentMaxMonths,
    policy.installment.minMonths,
    'installment.minMonths',
  );
  if (installmentMaxMonths > policy.installment.maxMonths) {
    problems.push({
      path: ['secondArrangement', 'installmentMaxMonths'],
      expected: `at most installment.maxMonths (${policy.installment.maxMonths}) expected`,
    });
  }
  const steps = policy.settlement.discountByDaysPastDue;
  steps.forEach((step, i) => {
    const previous = steps[i - 1];
    if (step.discount > policy.settlement.maxDiscount) {
      problems.push({
        path: ['settlement', 'discountByDaysPastDue', i, 'discount'],
        expected: `at most settlement.maxDiscount (${policy.settlement.maxDiscount}) expected`,
      });
    }
    if (previous && step.fromDays <= previous.fromDays) {
      problems.push({
        path: ['settlement', 'discountByDaysPastDue', i, 'fromDays'],
        expected: `greater than the step before (${previous.fromDays}) expected`,
      });
    }
    if (previous && step.discount < previous.discount) {
      problems.push({
        path: ['settlement', 'discountByDaysPastDue', i, 'discount'],
        expected: `at least the step before (${previous.discount}) expected: the discount grows with days past due`,
      });
    }
  });
  const { agent, supervisor } = policy.authority;
  atLeast(
    ['authority', 'agent', 'maxSettlementDiscount'],
    agent.maxSettlementDiscount,
    policy.settlement.maxDiscount,
    'settlement.maxDiscount',
  );
  atLeast(
    ['authority', 'supervisor', 'maxSettlementDiscount'],
    supervisor.maxSettlementDiscount,
    agent.maxSettlementDiscount,
    'authority.agent.maxSettlementDiscount',
  );
  atLeast(
    ['authority', 'supervisor', 'extraMonths'],
    supervisor.extraMonths,
    agent.extraMonths,
    'authority.agent.extraMonths',
  );
  if (agent.mayWaiveFees && !supervisor.mayWaiveFees) {
    problems.push({
      path: ['authority', 'supervisor', 'mayWaiveFees'],
      expected: 'true expected when authority.agent.mayWaiveFees is true',
    });
  }
  problems.push(...interestProblems(policy));
  problems.push(...contactHourProblems(policy));
  const ceiling = JURISDICTION_CEILINGS[policy.jurisdiction].freezeMaxMonths;
  if (ceiling !== undefined && policy.freeze.maxMonths > ceiling) {
    problems.push({
      path: ['freeze', 'maxMonths'],
      expected: `at most ${ceiling} allowed under jurisdiction ${policy.jurisdiction}`,
    });
  }
  return problems;
}

/** Contact hours may narrow the jurisdiction's window, never widen it or leave it empty. */
function contactHourProblems(policy: OfferPolicy): Problem[] {
  const legal = JURISDICTION_CONTACT_HOURS[policy.jurisdiction];
  const { from, to } = policy.contact.hours;
  const clock = (minute: number) =>
    `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
  const problems: Problem[] = [];
  if (from && minuteOfDay(from) < legal.fromMinute)
    problems.push({
      path: ['contact', 'hours', 'from'],
      expected: `${clock(legal.fromMinute)} or later expected under jurisdiction ${policy.jurisdiction}`,
    });
  if (to && minuteOfDay(to) > legal.toMinute)
    problems.push({
      path: ['contact', 'hours', 'to'],
      expected: `${clock(legal.toMinute)} or earlier expected under jurisdiction ${policy.jurisdiction}`,
    });
  if (from && to && minuteOfDay(to) <= minuteOfDay(from))
    problems.push({ path: ['contact', 'hours', 'to'], expected: `later than contact.hours.from (${from}) expected` });
  return problems;
}

/** Interest settings that contradict what a kind is: a freeze or a settlement charges none; a pause accrues only what the plan charges. */
function interestProblems(policy: OfferPolicy): Problem[] {
  const problems: Problem[] = [];
  if (chargesInterest(policy.freeze.interest)) {
    problems.push({
      path: ['freeze', 'interest'],
      expected: 'none expected: a freeze (停息挂账) stops interest and penalties',
    });
  }
  if (chargesInterest(policy.settlement.interest)) {
    problems.push({
      path: ['settlement', 'interest'],
      expected: 'none expected: a settlement is a discounted lump sum, it charges no interest',
    });
  }
  if (policy.grace.duringPause === 'accrue' && !chargesInterest(policy.grace.interest)) {
    problems.push({
      path: ['grace', 'duringPause'],
      expected: 'freeze expected: grace.interest charges none, so nothing can accrue during the pause',
    });
  }
  return problems;
}
