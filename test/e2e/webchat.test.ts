// The borrower's page in real Chromium: Web Chat over the Direct Line bridge negotiates LN-2024-0001 to an agreement.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromiumAvailable, screenshotPath } from '../helpers/browser.js';
import { browserSuite, inviteUrl } from '../helpers/browserSuite.js';
import { IDENTIFY_ZH_CN, INTERVIEW_EN, INTERVIEW_ZH_CN } from '../helpers/browserScripts.js';
import type { RunningService } from '../helpers/service.js';
import { botTexts, expectNothingFailed, play, waitForBot, type Step } from './webChatPage.js';

/** jobLossM2 in zh-CN, as README's demo script: buttons for choices, typed numbers, 两千五 in words. */
const JOB_LOSS_ZH_CN: readonly Step[] = [
  ...IDENTIFY_ZH_CN,
  ...INTERVIEW_ZH_CN,
  ['type', '方案1', /请确认还款协议/],
  ['click', '我同意', /协议已记录/],
];

const JOB_LOSS_EN: readonly Step[] = [
  ['type', 'LN-2024-0001', /last four characters/],
  ['type', '1234', /date of birth/],
  ['type', '1990-05-20', /main reason/],
  ...INTERVIEW_EN,
  ['click', 'Choose this plan', /Please confirm the agreement/],
  ['click', 'I agree', /agreement is recorded/],
];

describe.skipIf(!chromiumAvailable())('the web chat page in Chromium', () => {
  const suite = browserSuite();
  let service: RunningService;
  let browser: Browser;
  beforeAll(() => {
    ({ service, browser } = suite);
  });

  it('zh-CN: negotiates LN-2024-0001 by typing and clicking suggested actions – ends on the agreement card', async () => {
    const page = await browser.newPage({ viewport: { width: 1024, height: 900 } });
    await page.goto(`${service.url}/?locale=zh-CN`);
    await expect.poll(() => page.locator('#creditor').innerText()).toBe('星河消费金融');
    await page.screenshot({ path: screenshotPath('webchat-zh-CN-demo-picker') });
    await page.click('#start-plain');
    await waitForBot(page, /借款合同号/);
    await play(page, JOB_LOSS_ZH_CN);
    const agreement = page.locator('.ac-adaptiveCard', { hasText: '还款协议' }).last();
    await agreement.scrollIntoViewIfNeeded();
    expect(await agreement.innerText()).toMatch(/协议编号/);
    await expectNothingFailed(page);
    await page.screenshot({ path: screenshotPath('webchat-zh-CN-agreement') });
    await agreement.screenshot({ path: screenshotPath('webchat-zh-CN-agreement-card') });
    await page.close();
  }, 120_000);

  it('en at 390×844: the same negotiation on a phone, choosing the plan on its card – agreement recorded', async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: 'en-US',
    });
    const page = await context.newPage();
    await page.goto(`${service.url}/?start=1`);
    await waitForBot(page, /account reference/);
    await play(page, JOB_LOSS_EN);
    expect((await botTexts(page)).join('\n')).toMatch(/Reference/);
    await expectNothingFailed(page);
    await page.screenshot({ path: screenshotPath('webchat-en-phone-agreement') });
    await context.close();
  }, 120_000);

  it("an admin's invitation link opens LN-2024-0001 – no account question; the arrears are that case's", async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(await inviteUrl(service, 'zh-CN'));
    await waitForBot(page, /身份证号码的后四位/);
    expect((await botTexts(page)).join('\n')).not.toMatch(/借款合同号/);
    await play(page, [
      ['type', '1234', /出生日期/],
      ['type', '1990-05-20', /已逾期 45 天/],
    ]);
    await page.screenshot({ path: screenshotPath('webchat-invite-LN-2024-0001') });
    await page.close();
  }, 60_000);

  it('a demo case picked on the page in development – opens that case through its invitation', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${service.url}/?locale=en`);
    await page.locator('button[data-account="LN-2025-0042"]').click();
    await waitForBot(page, /last four characters/);
    expect(page.url()).toContain('invite=');
    expect(await page.locator('#creditor').innerText()).toBe('Starriver Finance');
    await page.close();
  }, 60_000);
});
