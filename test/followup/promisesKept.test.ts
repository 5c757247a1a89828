// No promise without code: every prompt that promises a future action names the job that keeps it, and the plan flow schedules that job.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkPlanFlowText } from '../../machines/planFlow.js';
import { parsePrompts } from '../../src/dialogs/prompts.js';

/** English sentences that promise the borrower something the service will do later ("we will not contact you" is kept by the opt-out test). */
const PROMISE = /\b(we will|we'll)\s+(?!not\b)[^.]*\b(remind|review|check|contact|call|message)\b/i;

describe('prompts that promise a future action', () => {
  const plan = checkPlanFlowText(readFileSync('dialogs/plan.flow.yaml', 'utf8'), 'dialogs/plan.flow.yaml');
  const prompts = parsePrompts(readFileSync('dialogs/prompts/en.yaml', 'utf8'), 'dialogs/prompts/en.yaml');
  const promising = [...prompts].filter(([, text]) => PROMISE.test(text)).map(([key]) => key);

  it('finds the promises the bot makes today (reminders, reviews, the promise check)', () => {
    expect(promising).toEqual(
      expect.arrayContaining([
        'agreement.recorded',
        'condition.reviewEveryMonths',
        'plan.promiseNoted',
        'plan.reviewKept',
      ]),
    );
  });

  it.each(promising)('%s is kept by a job the plan flow schedules', (key) => {
    expect(plan.problems).toEqual([]);
    const job = plan.loaded!.promises[key];
    expect(job, `${key} promises "${prompts.get(key)}" but dialogs/plan.flow.yaml lists no job for it`).toBeDefined();
    expect([...plan.loaded!.scheduled]).toContain(job);
  });

  it('flows check fails a promise whose job the flow never schedules', () => {
    const text = readFileSync('dialogs/plan.flow.yaml', 'utf8').replaceAll(
      '{ type: schedule, params: { job: review } }',
      'countReview',
    );
    const broken = checkPlanFlowText(text, 'plan.flow.yaml');
    expect(broken.problems.map((p) => p.message).join('\n')).toMatch(
      /promises a review, but no action of this flow schedules a review job/,
    );
  });
});
