// Auto-assignment in Chromium: with DESK_AUTO_ASSIGN=on and a capacity of one, agents with a console open are given
// the next case without pressing Claim, round robin; a third case waits until one of them closes theirs.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { caseIdFor } from '../../src/conversation/caseIdentity.js';
import { chromiumAvailable, screenshotPath } from '../helpers/browser.js';
import { browserSuite, openConsole } from '../helpers/browserSuite.js';
import { seriousViolations } from '../helpers/axe.js';

describe.skipIf(!chromiumAvailable())('auto-assignment in the agent console', () => {
  const suite = browserSuite({ DESK_AUTO_ASSIGN: 'on', DESK_AGENT_CAPACITY: '1' });
  let li: Page;
  let amy: Page;
  const item = (page: Page, caseId: string) => page.locator(`#case-list button[data-case="${caseId}"]`);
  const mineCount = async (page: Page) =>
    Number(/\((\d+)\)/.exec(await page.locator('#view-tabs [data-view="mine"]').innerText())?.[1]);
  const toPerson = async () => {
    const borrower = suite.service.borrower();
    await borrower.say('我要找人工');
    return { borrower, caseId: caseIdFor(borrower.channelId, borrower.conversationId) };
  };
  const holder = async (caseId: string) =>
    (await suite.service.app.store.load(caseId)).record?.handoff?.agentId ?? 'nobody';

  beforeAll(async () => {
    li = await openConsole(suite, 'zh-CN', 'dev-agent-token');
    amy = await openConsole(suite, 'en-US', 'dev-agent2-token');
  }, 60_000);

  it('two cases go to the two agents without a click (each sees it in "mine", can write at once); the third waits for free capacity and goes to whoever closes first', async () => {
    const first = await toPerson();
    await expect.poll(() => holder(first.caseId), { timeout: 10_000 }).not.toBe('nobody');
    const second = await toPerson();
    await expect.poll(() => holder(second.caseId), { timeout: 10_000 }).not.toBe('nobody');
    const holders = [await holder(first.caseId), await holder(second.caseId)];
    expect(new Set(holders)).toEqual(new Set(['agent-li', 'agent-amy']));

    for (const [page, caseId] of [
      [holders[0] === 'agent-li' ? li : amy, first.caseId],
      [holders[1] === 'agent-li' ? li : amy, second.caseId],
    ] as const) {
      await expect.poll(() => mineCount(page), { timeout: 10_000 }).toBe(1);
      await page.locator('#view-tabs [data-view="mine"]').click();
      await item(page, caseId).click();
      await expect(page.locator('#claim').isHidden()).resolves.toBe(true);
      await expect(page.locator('#chat-text').isEnabled()).resolves.toBe(true);
    }
    expect(first.borrower.allText()).toMatch(/已接入/);
    await li.screenshot({ path: screenshotPath('desk-auto-assign-zh-CN-given-a-case'), fullPage: true });
    expect(await seriousViolations(li)).toEqual([]);

    // Capacity one each: the third case waits in the queue.
    const third = await toPerson();
    await expect
      .poll(() => li.locator('#view-tabs [data-view="queue"]').innerText(), { timeout: 10_000 })
      .toMatch(/\(1\)/);
    expect(await holder(third.caseId)).toBe('nobody');

    // Li closes her case: the waiting case is hers without a click.
    const liCase = holders[0] === 'agent-li' ? first.caseId : second.caseId;
    await li.locator('#view-tabs [data-view="mine"]').click();
    await item(li, liCase).click();
    await li.locator('#close-outcome').selectOption('resolved');
    await li.locator('#close button[type="submit"]').click();
    await expect.poll(() => holder(third.caseId), { timeout: 10_000 }).toBe('agent-li');
    await expect.poll(() => mineCount(li), { timeout: 10_000 }).toBe(1);
    await item(li, third.caseId).waitFor({ timeout: 10_000 });
    expect(third.borrower.allText()).toMatch(/已接入/);
    await li.screenshot({ path: screenshotPath('desk-auto-assign-zh-CN-next-case-after-close'), fullPage: true });
    expect(suite.problems).toEqual([]);
  }, 90_000);
});
