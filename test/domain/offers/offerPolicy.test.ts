// The offer policy file: the shipped file loads; out-of-range values are rejected naming file and key.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { ConfigurationError } from '../../../src/errors.js';
import { parseOfferPolicy } from '../../../src/domain/offers/offerPolicy.js';
import { loadOfferPolicy } from '../../helpers/dialogFiles.js';

const FILE = 'dialogs/offer-policy.yaml';
const policyPath = new URL('../../../dialogs/offer-policy.yaml', import.meta.url).pathname;
const shippedText = readFileSync(policyPath, 'utf8');

/** The shipped policy with one key changed (or removed when value is undefined). */
function policyWith(path: (string | number)[], value: unknown): string {
  const doc = parseDocument(shippedText);
  if (value === undefined) doc.deleteIn(path);
  else doc.setIn(path, value);
  return String(doc);
}

function errorOf(text: string): ConfigurationError {
  try {
    parseOfferPolicy(text, FILE);
  } catch (error) {
    if (error instanceof ConfigurationError) return error;
    throw error;
  }
  throw new Error('expected the policy to be rejected');
}

describe('loadOfferPolicy', () => {
  it('the shipped dialogs/offer-policy.yaml – loads with jurisdiction CN and the documented defaults', () => {
    const policy = loadOfferPolicy(policyPath);
    expect(policy.jurisdiction).toBe('CN');
    expect(policy.affordability.ratio).toBe(0.5);
    expect(policy.maxOffersShown).toBe(3);
    expect(policy.counterOffers.maxAttempts).toBe(2);
    expect(policy.freeze.maxMonths).toBe(60);
    expect(policy.conversation).toEqual({
      identity: { maxTries: 3, accountLock: { maxFailures: 5, windowHours: 24, lockMinutes: 60 } },
      reorientAfterMinutes: 60,
      maxMisunderstandings: 3,
    });
    expect(policy.review.everyMonths).toBe(3);
  });

  it('a path that does not exist – XS_POLICY_INVALID naming the path', () => {
    expect(() => loadOfferPolicy('/nowhere/offer-policy.yaml')).toThrow(
      expect.objectContaining({
        code: 'XS_POLICY_INVALID',
        message: expect.stringContaining('/nowhere/offer-policy.yaml: cannot be read'),
      }),
    );
  });
});

describe('parseOfferPolicy', () => {
  it('freeze.maxMonths 72 under CN – rejected: "freeze.maxMonths is 72, at most 60 allowed under jurisdiction CN"', () => {
    const error = errorOf(policyWith(['freeze', 'maxMonths'], 72));
    expect(error.code).toBe('XS_POLICY_INVALID');
    expect(error.message).toBe(
      'dialogs/offer-policy.yaml: freeze.maxMonths is 72, at most 60 allowed under jurisdiction CN',
    );
  });

  it('freeze.maxMonths 72 under US – accepted (the US profile leaves the limit to policy)', () => {
    const text = policyWith(['freeze', 'maxMonths'], 72).replace('jurisdiction: CN', 'jurisdiction: US');
    expect(parseOfferPolicy(text, FILE).freeze.maxMonths).toBe(72);
  });

  it('freeze.maxMonths 48 under CN – accepted (a policy may tighten the ceiling)', () => {
    expect(parseOfferPolicy(policyWith(['freeze', 'maxMonths'], 48), FILE).freeze.maxMonths).toBe(48);
  });

  it('affordability.ratio 1.5 – rejected naming the key, the value and "at most 1"', () => {
    expect(errorOf(policyWith(['affordability', 'ratio'], 1.5)).message).toBe(
      'dialogs/offer-policy.yaml: affordability.ratio is 1.5, at most 1 expected',
    );
  });

  it('installment.minMonths 2.5 – rejected: a whole number expected', () => {
    expect(errorOf(policyWith(['installment', 'minMonths'], 2.5)).message).toContain(
      'installment.minMonths is 2.5, a whole number expected',
    );
  });

  it('jurisdiction FR – rejected listing CN, US, UK', () => {
    expect(errorOf(policyWith(['jurisdiction'], 'FR')).message).toContain(
      'jurisdiction is "FR", one of CN, US, UK expected',
    );
  });

  it('review.everyMonths missing – rejected: "review.everyMonths is missing"', () => {
    expect(errorOf(policyWith(['review', 'everyMonths'], undefined)).message).toContain(
      'review.everyMonths is missing',
    );
  });

  it('a misspelt key grace.maxMonth – rejected as an unknown key', () => {
    const error = errorOf(policyWith(['grace', 'maxMonth'], 3));
    expect(error.message).toContain('grace: unknown key(s) maxMonth');
  });

  it('installment.maxMonths below installment.minMonths – rejected naming both keys', () => {
    expect(errorOf(policyWith(['installment', 'maxMonths'], 2)).message).toContain(
      'installment.maxMonths is 2, at least installment.minMonths (3) expected',
    );
  });

  it('a settlement step discount above settlement.maxDiscount – rejected naming the step', () => {
    expect(errorOf(policyWith(['settlement', 'discountByDaysPastDue', 2, 'discount'], 0.4)).message).toContain(
      'settlement.discountByDaysPastDue[2].discount is 0.4, at most settlement.maxDiscount (0.3) expected',
    );
  });

  it('a settlement discount that falls with days past due – rejected', () => {
    expect(errorOf(policyWith(['settlement', 'discountByDaysPastDue', 1, 'discount'], 0.05)).message).toContain(
      'settlement.discountByDaysPastDue[1].discount is 0.05, at least the step before (0.1)',
    );
  });

  it('an unknown condition key in waiver.conditions – rejected', () => {
    expect(errorOf(policyWith(['waiver', 'conditions'], ['condition.nope'])).message).toContain(
      'waiver.conditions[0] is "condition.nope", one of condition.',
    );
  });

  it('supervisor authority below agent authority – rejected', () => {
    expect(errorOf(policyWith(['authority', 'supervisor', 'extraMonths'], 2)).message).toContain(
      'authority.supervisor.extraMonths is 2, at least authority.agent.extraMonths (6) expected',
    );
  });

  it('text that is not YAML – rejected as not valid YAML, naming the file', () => {
    expect(errorOf('grace: [1, 2').message).toMatch(/^dialogs\/offer-policy\.yaml: not valid YAML/);
  });

  it('an empty file – rejected: a mapping expected', () => {
    expect(errorOf('').message).toContain('a mapping expected');
  });
});
