// The console after the desk's work in Chromium: the agreed plan in the case panel (schedule, payments, state), and the
// borrower's satisfaction rating after a close on the supervisor's floor.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { caseIdFor } from '../../src/conversation/caseIdentity.js';
import { localDateTime } from '../../src/domain/plan.js';
import { seriousViolations } from '../helpers/axe.js';
import { chromiumAvailable, screenshotPath } from '../helpers/browser.js';
import { browserSuite, openConsole } from '../helpers/browserSuite.js';
import { advance, pay, shanghai } from '../helpers/planClock.js';
import { escalateAtOffers } from '../handoff/deskClient.js';

describe.skipIf(!chromiumAvailable())('plan and satisfaction in the agent console', () => {
  const suite = browserSuite();
  let li: Page;
  let boss: Page;
  const item = (page: Page, caseId: string) => page.locator(`#case-list button[data-case="${caseId}"]`);
  const escalated = async () => {
    const borrower = suite.service.borrower();
    await escalateAtOffers(borrower);
    return { borrower, caseId: caseIdFor(borrower.channelId, borrower.conversationId) };
  };
  async function claim(caseId: string) {
    await li.locator('#view-tabs [data-view="queue"]').click();
    await item(li, caseId).click({ timeout: 10_000 });
    await li.locator('#claim').click();
    await li.locator('#status', { hasText: '已接手' }).waitFor();
  }

  beforeAll(async () => {
    await advance(suite.service, shanghai(localDateTime(new Date(), 'Asia/Shanghai').date, '10:00', 1));
    li = await openConsole(suite, 'zh-CN', 'dev-agent-token');
    boss = await openConsole(suite, 'en-US', 'dev-supervisor-token');
  }, 60_000);

  it('zh-CN: the agent records the agreement; the panel shows the plan active with its schedule; a payment shows with amount and date and marks the instalment paid', async () => {
    const { caseId } = await escalated();
    await claim(caseId);
    await expect(li.locator('#plan-panel').isHidden()).resolves.toBe(true);
    await li.locator('#offers button').first().click();
    await li.locator('#status', { hasText: '协议已记录' }).waitFor();
    await li.locator('#plan-panel').waitFor();
    await expect(li.locator('#case-meta').innerText()).resolves.toContain('还款计划: 正常执行');
    await expect(li.locator('#plan-state').innerText()).resolves.toMatch(/正常执行 协议编号 \S+/);
    const rows = li.locator('#plan-table tbody tr');
    expect(await rows.count()).toBeGreaterThan(1);
    await expect(rows.first().innerText()).resolves.toMatch(/^1\s+\d{4}\/\d{1,2}\/\d{1,2}\s+¥[\d,.]+\s+¥0\.00\s+待还$/);
    await expect(li.locator('#plan-payments').innerText()).resolves.toBe('尚未收到还款');

    const { record } = await suite.service.app.store.load(caseId);
    const agreement = (await suite.service.app.store.agreement(caseId))!;
    const first = agreement.dueDates.find((line) => line.amountMinor > 0)!;
    const paidAt = shanghai(first.dueDate, '10:00', -1);
    await advance(suite.service, paidAt);
    await pay(suite.service, {
      paymentId: `e2e-plan-${caseId}`,
      accountRef: record!.accountRef,
      amountMinor: first.amountMinor,
      paidAt,
    });
    await li.reload();
    await li.locator('#plan-panel').waitFor();
    await expect(rows.first().innerText()).resolves.toMatch(/已还$/);
    const amount = (first.amountMinor / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2 });
    await expect(li.locator('#plan-payments').innerText()).resolves.toContain(`¥${amount}`);
    await li.locator('#plan-panel').scrollIntoViewIfNeeded();
    await li.screenshot({ path: screenshotPath('desk-zh-CN-plan-panel-after-payment'), fullPage: true });
    expect(await seriousViolations(li)).toEqual([]);
  }, 90_000);

  it('the close sends the survey; the borrower rates 4 and skips the comment; the agent sees it on the case, the supervisor (en) on the floor', async () => {
    const { borrower, caseId } = await escalated();
    await claim(caseId);
    await li.locator('#close-outcome').selectOption('resolved');
    await li.locator('#close button[type="submit"]').click();
    await li.locator('#status', { hasText: '已结案' }).waitFor();
    expect(borrower.allText()).toContain('为刚才工作人员的服务打个分');
    await borrower.say('4');
    await borrower.say('跳过');
    await boss.locator('#floor-satisfaction li[data-agent="agent-li"]', { hasText: '4.0/5 · 1 ratings' }).waitFor({
      timeout: 10_000,
    });
    await boss.locator('#floor-satisfaction').scrollIntoViewIfNeeded();
    await boss.screenshot({ path: screenshotPath('desk-en-supervisor-floor-satisfaction'), fullPage: true });
    await li.reload();
    await li.locator('#view-tabs [data-view="closed"]').click();
    await item(li, caseId).click();
    await li.locator('#facts', { hasText: '满意度调查' }).waitFor();
    await expect(li.locator('#facts').innerText()).resolves.toMatch(/满意度调查\s+已评价 · 4\/5/);
    await expect(li.locator('#transcript').innerText()).resolves.toContain('借款人评分: 4/5');
    await li.screenshot({ path: screenshotPath('desk-zh-CN-closed-case-survey'), fullPage: true });
    expect(await seriousViolations(boss)).toEqual([]);
    expect(suite.problems).toEqual([]);
  }, 90_000);
});
