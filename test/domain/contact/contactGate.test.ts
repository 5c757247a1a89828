// Contact hours in the borrower's time zone, frequency caps and opt-out, as the outreach and reminders ask them.
import { describe, expect, it } from 'vitest';
import {
  checkFrequency,
  contactHoursFor,
  decideContact,
  isTimeZone,
  nextContactTime,
  type ContactQuestion,
} from '../../../src/domain/contact/index.js';
import { parseOfferPolicy } from '../../../src/domain/offers/offerPolicy.js';
import { readFileSync } from 'node:fs';

const caps = { maxPerDay: 2, maxPer7Days: 3 };
const ask = (overrides: Partial<ContactQuestion>): ReturnType<typeof decideContact> =>
  decideContact({
    now: new Date('2026-03-02T02:00:00Z'), // 10:00 in Shanghai
    jurisdiction: 'CN',
    policy: { hours: {}, caps },
    timeZone: 'Asia/Shanghai',
    optedOut: false,
    attempts: [],
    ...overrides,
  });

describe('contact hours', () => {
  it('CN at 21:59 Shanghai time – allowed; at 22:00 – refused until 08:00 the next morning', () => {
    expect(ask({ now: new Date('2026-03-02T13:59:00Z') })).toEqual({ allowed: true });
    expect(ask({ now: new Date('2026-03-02T14:00:00Z') })).toEqual({
      allowed: false,
      reason: 'outsideContactHours',
      earliestAt: new Date('2026-03-03T00:00:00Z'),
    });
  });

  it('US at 21:30 in New York – refused (Regulation F ends at 21:00), the same instant is fine in CN Shanghai', () => {
    const now = new Date('2026-07-01T01:30:00Z'); // 21:30 EDT, 09:30 Shanghai
    expect(ask({ now, jurisdiction: 'US', timeZone: 'America/New_York' })).toMatchObject({
      allowed: false,
      reason: 'outsideContactHours',
      earliestAt: new Date('2026-07-01T12:00:00Z'), // 08:00 EDT
    });
    expect(ask({ now })).toEqual({ allowed: true });
  });

  it('07:30 local – the earliest time is 08:00 the same morning', () => {
    expect(nextContactTime(new Date('2026-03-01T23:30:00Z'), 'Asia/Shanghai', contactHoursFor('CN'))).toEqual(
      new Date('2026-03-02T00:00:00Z'),
    );
  });

  it('across a daylight-saving change – the earliest time is 08:00 local on the new offset', () => {
    // 2026-03-08 is the US spring-forward day: 22:00 EST on the 7th → 08:00 EDT on the 8th (12:00Z).
    expect(nextContactTime(new Date('2026-03-08T03:00:00Z'), 'America/New_York', contactHoursFor('US'))).toEqual(
      new Date('2026-03-08T12:00:00Z'),
    );
  });

  it('a policy narrows the window, never widens it', () => {
    expect(contactHoursFor('CN', { from: '09:00', to: '23:00' })).toEqual({ fromMinute: 540, toMinute: 1320 });
  });

  it('a policy file with contact hours wider than the jurisdiction – refused, naming the key', () => {
    const text = readFileSync('dialogs/offer-policy.yaml', 'utf8').replace('hours: {}', 'hours: { to: "23:30" }');
    expect(() => parseOfferPolicy(text, 'offer-policy.yaml')).toThrow(
      /contact\.hours\.to is "23:30", 22:00 or earlier/,
    );
  });

  it('knows IANA names and refuses made-up ones', () => {
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});

describe('opt-out and caps', () => {
  it('an opted-out borrower – refused, with no time it would be allowed', () => {
    expect(ask({ optedOut: true })).toEqual({ allowed: false, reason: 'optedOut' });
  });

  it('an open dispute – refused', () => {
    expect(ask({ disputeOpen: true })).toEqual({ allowed: false, reason: 'disputeOpen' });
  });

  it('two attempts in the last 24 hours with a cap of 2 – refused until the older one is a day old', () => {
    const attempts = [new Date('2026-03-01T03:00:00Z'), new Date('2026-03-02T01:00:00Z')];
    expect(ask({ attempts })).toEqual({
      allowed: false,
      reason: 'dailyCap',
      earliestAt: new Date('2026-03-02T03:00:00Z'),
    });
  });

  it('three attempts this week on different days with a cap of 3 – refused as the weekly cap', () => {
    const attempts = ['2026-02-24T03:00:00Z', '2026-02-26T03:00:00Z', '2026-02-28T03:00:00Z'].map((t) => new Date(t));
    expect(checkFrequency(attempts, new Date('2026-03-02T02:00:00Z'), caps)).toEqual({
      allowed: false,
      reason: 'weeklyCap',
      retryAt: new Date('2026-03-03T03:00:00Z'),
    });
  });

  it('attempts older than 7 days – no longer counted', () => {
    expect(ask({ attempts: [new Date('2026-02-20T03:00:00Z'), new Date('2026-02-21T03:00:00Z')] })).toEqual({
      allowed: true,
    });
  });
});
