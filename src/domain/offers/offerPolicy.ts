// The offer policy (dialogs/offer-policy.yaml): its schema, its jurisdiction ceilings, and its loader.
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { ConfigurationError } from '../../errors.js';
import { ContactPolicySchema, DEFAULT_CONTACT_POLICY } from '../contact/contactGate.js';
import { JURISDICTION_CONTACT_HOURS, minuteOfDay } from '../contact/contactHours.js';
import { HardshipDurationSchema, HardshipReasonSchema } from '../hardship.js';
import { TIERS } from '../tier.js';
import { CONDITION_KEYS } from './conditions.js';
import { chargesInterest, InterestChargeSchema } from './interestCharge.js';
import { PlanKindSchema } from './offer.js';

export const JURISDICTIONS = ['CN', 'US', 'UK'] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];

/**
 * Hard ceilings a jurisdiction profile sets; the policy file may tighten them, never loosen.
 * CN: a personalised instalment (freeze) lasts at most 5 years (credit-card rules Art. 70).
 * US and UK leave these limits to the policy. An agent's authority never lifts a ceiling either.
 */
export const JURISDICTION_CEILINGS: Record<Jurisdiction, { freezeMaxMonths?: number }> = {
  CN: { freezeMaxMonths: 60 },
  US: {},
  UK: {},
};

const months = z.number().int().min(1).max(600);
const ratio = z.number().min(0).max(1);
const tier = z.enum(TIERS);
const enabled = z.boolean().default(true);

const AuthoritySchema = z.strictObject({
  /** Months an agent may add beyond a kind's policy maximum (jurisdiction ceilings still apply). */
  extraMonths: z.number().int().min(0).max(120),
  maxSettlementDiscount: ratio,
  mayWaiveFees: z.boolean(),
});

export const OfferPolicySchema = z.strictObject({
  jurisdiction: z.enum(JURISDICTIONS),
  affordability: z.strictObject({ ratio: ratio.gt(0), headroom: z.number().min(0).max(0.5) }),
  maxOffersShown: z.number().int().min(1).max(5),
  counterOffers: z.strictObject({ maxAttempts: z.number().int().min(1).max(10) }),
  review: z.strictObject({ everyMonths: months.max(24) }),
  followUp: z
    .strictObject({
      /** Days before each due date the borrower is reminded. */
      remindDaysBefore: z.number().int().min(0).max(14),
      /** Days after a due date a payment still counts as paid (late, but not missed). */
      graceDays: z.number().int().min(0).max(30),
      /** Days the borrower has to answer the check-in after a missed payment before the plan is broken. */
      answerWithinDays: z.number().int().min(1).max(30),
      /** A promise to pay may name a date at most this many days after the check-in. */
      promiseWithinDays: z.number().int().min(1).max(30),
      /** Missed instalments that break the plan. */
      brokenAfterMissed: z.number().int().min(1).max(6),
      /** Times per plan the borrower may move the due day without a person. */
      dueDayMovesPerPlan: z.number().int().min(0).max(3),
    })
    .default({
      remindDaysBefore: 3,
      graceDays: 3,
      answerWithinDays: 5,
      promiseWithinDays: 7,
      brokenAfterMissed: 2,
      dueDayMovesPerPlan: 1,
    }),
  /** After the bot records an agreement, the borrower may cancel it ("撤销协议") for this many hours. */
  agreement: z
    .strictObject({
      cancelWithinHours: z
        .number()
        .min(0)
        .max(24 * 30),
    })
    .default({ cancelWithinHours: 24 }),
  conversation: z.strictObject({
    identity: z.strictObject({
      maxTries: z.number().int().min(1).max(10),
      accountLock: z.strictObject({
        maxFailures: z.number().int().min(1).max(50),
        windowHours: z
          .number()
          .int()
          .min(1)
          .max(24 * 30),
        lockMinutes: z
          .number()
          .int()
          .min(1)
          .max(24 * 60 * 30),
      }),
    }),
    reorientAfterMinutes: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60),
    maxMisunderstandings: z.number().int().min(1).max(10),
  }),
  /** Ranking's second key: the creditor's recovery in present value, discounted at this annual rate. */
  ranking: z.strictObject({ discountRate: ratio }),
  grace: z.strictObject({
    enabled,
    /** Interest on the balance once payments resume. */
    interest: InterestChargeSchema,
    /** `accrue`: interest at that rate accrues during the pause and is repaid after it; `freeze`: none accrues. */
    duringPause: z.enum(['accrue', 'freeze']),
    minMonths: months,
    maxMonths: months.max(12),
    maxTier: tier,
    durations: z.array(HardshipDurationSchema).min(1),
    reasons: z.array(HardshipReasonSchema).min(1),
  }),
  extend: z.strictObject({ enabled, interest: InterestChargeSchema, maxTotalMonths: months }),
  installment: z.strictObject({ enabled, interest: InterestChargeSchema, minMonths: months, maxMonths: months }),
  freeze: z.strictObject({
    enabled,
    interest: InterestChargeSchema,
    minMonths: months,
    maxMonths: months,
    durations: z.array(HardshipDurationSchema),
    minTier: tier,
  }),
  waiver: z.strictObject({
    enabled,
    afterPayments: z.number().int().min(1).max(24),
    combinesWith: z.array(PlanKindSchema),
    conditions: z.array(z.enum(CONDITION_KEYS)),
  }),
  settlement: z.strictObject({
    enabled,
    interest: InterestChargeSchema,
    minTier: tier,
    discountByDaysPastDue: z.array(z.strictObject({ fromDays: z.number().int().min(0), discount: ratio })).min(1),
    maxDiscount: ratio,
    payWithinDays: z.number().int().min(1).max(90),
  }),
  secondArrangement: z.strictObject({
    allowGrace: z.boolean(),
    allowWaiver: z.boolean(),
    installmentMaxMonths: months,
  }),
  authority: z.strictObject({ agent: AuthoritySchema, supervisor: AuthoritySchema }),
  /** Proactive contact (outreach, reminders): contact hours within the jurisdiction's, and frequency caps. */
  contact: ContactPolicySchema.default(DEFAULT_CONTACT_POLICY),
  /** The desk's service targets per priority, in minutes: the console colours its timers against them. */
  deskTargets: z
    .record(
      z.enum(['urgent', 'high', 'normal']),
      z.strictObject({
        firstResponseMinutes: z.number().min(0.5).max(1440),
        replyMinutes: z.number().min(0.5).max(1440),
      }),
    )
    .default({
      urgent: { firstResponseMinutes: 2, replyMinutes: 2 },
      high: { firstResponseMinutes: 5, replyMinutes: 5 },
      normal: { firstResponseMinutes: 15, replyMinutes: 10 },
    }),
  /** Days a case is kept after its last change while still open, by state (agreed and closed: RETENTION_DAYS). */
  retention: z
    .strictObject({
      activeIdleDays: z.number().int().min(1).max(3650),
      escalatedIdleDays: z.number().int().min(1).max(3650),
    })
    .default({ activeIdleDays: 30, escalatedIdleDays: 180 }),
});
export type OfferPolicy = z.infer<typeof OfferPolicySchema>;

interface Problem {
  path: PropertyKey[];
  expected: string;
}

/** Rules between keys, and the jurisdiction's ceilings: each problem names the key and what is expected. */
function crossCheck(policy: OfferPolicy): Problem[] {
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

const TYPE_NAMES: Record<string, string> = {
  int: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
  string: 'a text',
};

function expectationOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_big':
      return `${issue.inclusive === false ? 'less than' : 'at most'} ${String(issue.maximum)} expected`;
    case 'too_small':
      return issue.origin === 'array'
        ? `at least ${String(issue.minimum)} item(s) expected`
        : `${issue.inclusive === false ? 'more than' : 'at least'} ${String(issue.minimum)} expected`;
    case 'invalid_type':
      return `${TYPE_NAMES[issue.expected] ?? issue.expected} expected`;
    case 'invalid_value':
      return `one of ${issue.values.map(String).join(', ')} expected`;
    case 'unrecognized_keys':
      return `unknown key(s) ${issue.keys.join(', ')}: check the spelling`;
    default:
      return issue.message;
  }
}

function keyPath(path: readonly PropertyKey[]): string {
  return (
    path.reduce<string>(
      (text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${String(part)}` : String(part)),
      '',
    ) || '(top level)'
  );
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (node, part) =>
      node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[part] : undefined,
    raw,
  );
}

function describe(raw: unknown, path: readonly PropertyKey[], expected: string, isKeyIssue = false): string {
  if (isKeyIssue) return `${keyPath(path)}: ${expected}`;
  const value = valueAt(raw, path);
  return `${keyPath(path)} is ${value === undefined ? 'missing' : JSON.stringify(value)}, ${expected}`;
}

/** Parses and checks a policy file's text; throws ConfigurationError('XS_POLICY_INVALID') naming the file, each key and what it expects. */
export function parseOfferPolicy(yamlText: string, fileName: string): OfferPolicy {
  let raw: unknown;
  try {
    raw = parseYaml(yamlText);
  } catch (error) {
    throw new ConfigurationError(
      'XS_POLICY_INVALID',
      `${fileName}: not valid YAML — ${error instanceof Error ? error.message : String(error)}`,
      error,
    );
  }
  const parsed = OfferPolicySchema.safeParse(raw);
  const problems = parsed.success
    ? crossCheck(parsed.data).map((problem) => describe(raw, problem.path, problem.expected))
    : parsed.error.issues.map((issue) =>
        describe(raw, issue.path, expectationOf(issue), issue.code === 'unrecognized_keys'),
      );
  if (problems.length > 0 || !parsed.success) {
    throw new ConfigurationError('XS_POLICY_INVALID', `${fileName}: ${problems.join('; ')}`);
  }
  return parsed.data;
}
