// The plan's state as the console names it, from the plan machine's state and the instalments, on the borrower's date.
import { describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../src/domain/case.js';
import type { Instalment, PlanContext } from '../../src/domain/plan.js';
import { planView } from '../../src/handoff/planView.js';

const line = (n: number, dueDate: string, status: Instalment['status'], paidMinor = 0): Instalment => ({
  n,
  dueDate,
  amountMinor: 100_000,
  paidMinor,
  status,
});

function withPlan(machineState: string, instalments: Instalment[]): CaseRecord {
  const context: PlanContext = {
    caseId: 'c-1',
    reference: 'XS-1',
    currency: 'CNY',
    timeZone: 'Asia/Shanghai',
    contactTime: '10:00',
    agreedOn: '2027-01-01',
    instalments,
    current: 0,
    missed: 0,
    onTime: 0,
    waiver: 'none',
    dueDayMoves: 0,
    reviews: 0,
    figures: {
      remindDaysBefore: 3,
      graceDays: 3,
      answerWithinDays: 5,
      promiseWithinDays: 7,
      brokenAfterMissed: 2,
      dueDayMovesPerPlan: 1,
      reviewEveryMonths: 3,
      waiverAfterPayments: 0,
    },
  };
  return {
    caseId: 'c-1',
    channelId: 'test',
    conversationId: 'conv',
    conversationRef: {},
    locale: 'zh-CN',
    flowVersion: 'v',
    snapshot: undefined,
    status: 'agreed',
    createdAt: '2027-01-01T00:00:00.000Z',
    lastActivityAt: '2027-01-01T00:00:00.000Z',
    plan: {
      snapshot: { context },
      state: machineState,
      startedAt: '2027-01-01T02:00:00.000Z',
      contacts: [],
      handled: [],
      held: [],
      earlier: [],
    },
  };
}

const FEB_1 = [line(1, '2027-02-01', 'upcoming'), line(2, '2027-03-01', 'upcoming')];

describe('planView state', () => {
  it('active before the due date; late the day after it in Shanghai (the server is still on the due date in UTC)', () => {
    expect(planView(withPlan('onTrack', FEB_1), new Date('2027-01-31T12:00:00Z'))!.state).toBe('active');
    // 2027-02-01T17:00Z is 02-02 01:00 in Shanghai.
    expect(planView(withPlan('onTrack', FEB_1), new Date('2027-02-01T17:00:00Z'))!.state).toBe('late');
  });

  it('missed while a missed instalment is unpaid; active again once it is paid late', () => {
    const missed = [line(1, '2027-02-01', 'missed'), line(2, '2027-03-01', 'upcoming')];
    expect(planView(withPlan('checkingIn', missed), new Date('2027-02-06T02:00:00Z'))!.state).toBe('missed');
    const paidLate = [line(1, '2027-02-01', 'paidLate', 100_000), line(2, '2027-03-01', 'upcoming')];
    expect(planView(withPlan('onTrack', paidLate), new Date('2027-02-06T02:00:00Z'))!.state).toBe('active');
  });

  it.each([
    ['broken', 'broken'],
    ['renegotiating', 'broken'],
    ['completed', 'completed'],
    ['cancelled', 'cancelled'],
  ])('the machine in %s → %s', (machineState, state) => {
    expect(planView(withPlan(machineState, FEB_1), new Date('2027-04-01T00:00:00Z'))!.state).toBe(state);
  });

  it('no plan, or a snapshot this version cannot read → none', () => {
    const record = withPlan('onTrack', FEB_1);
    const { plan: _plan, ...without } = record;
    expect(planView(without, new Date())).toBeUndefined();
    expect(
      planView({ ...record, plan: { ...record.plan!, snapshot: { context: { odd: true } } } }, new Date()),
    ).toBeUndefined();
  });
});
