// The agent console in real Chromium: a borrower escalates over the Bot Framework protocol; an agent claims, replies and hands back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { caseIdFor } from '../../src/conversation/caseIdentity.js';
import { textOf } from '../helpers/borrowerChannel.js';
import { chromiumAvailable, launchChromium, screenshotPath } from '../helpers/browser.js';
import { startService, type RunningService } from '../helpers/service.js';
import { escalateAtOffers } from '../handoff/deskClient.js';

describe.skipIf(!chromiumAvailable())('agent console (Chromium)', () => {
  let service: RunningService;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  beforeAll(async () => {
    service = await startService();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
  });
  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  it('escalated case appears live, is claimed, shows the transcript, the reply reaches the borrower, hand-back lets the bot resume', async () => {
    await page.goto(`${service.url}/agent`);
    await page.getByLabel('访问令牌').fill('dev-agent-token');
    await page.keyboard.press('Enter');
    await page.getByText('李客服 (agent)').waitFor();

    const borrower = service.borrower();
    await escalateAtOffers(borrower);
    const caseId = caseIdFor(borrower.channelId, borrower.conversationId);
    const item = page.locator(`button[data-case="${caseId}"]`).first();
    await item.waitFor({ timeout: 10_000 });
    await expect(item.textContent()).resolves.toContain('要求人工');

    await item.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: '接手' }).click();
    await page.getByText('已接手').waitFor();
    await expect(page.locator('#transcript').textContent()).resolves.toContain('两千五');
    await expect(page.locator('#facts').textContent()).resolves.toContain('agent-li');
    await expect(page.locator('#interview').textContent()).resolves.toContain('jobLoss');

    await borrower.say('我每月最多还一千五');
    await page.locator('#transcript').getByText('我每月最多还一千五').waitFor();

    await page.locator('#chat-text').fill('您好，我是李客服，我来帮您看看。');
    await page.keyboard.press('Enter');
    await page.getByText('已发送').waitFor();
    expect(service.connector.of(borrower.conversationId).at(-1)).toMatchObject({ text: '李客服：您好，我是李客服，我来帮您看看。', from: expect.objectContaining({ name: '李客服' }) });

    await page.locator('#language').selectOption('en');
    await page.getByRole('heading', { name: 'Transcript' }).waitFor();
    await page.screenshot({ path: screenshotPath('agent-console'), fullPage: true });
    await page.getByRole('button', { name: 'Hand back to the bot' }).click();
    await page.getByText('Handed back to the bot').waitFor();
    const sent = service.connector.of(borrower.conversationId);
    expect(sent.some((a) => a.name === 'handoff.status' && (a.value as { state: string }).state === 'completed')).toBe(true);
    expect((await borrower.say('方案1')).replies.map(textOf).join('\n')).toContain('请确认还款协议');
    expect(problems).toEqual([]);
  });
});
