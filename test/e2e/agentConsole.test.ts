// The agent desk in real Chromium: two agents (zh-CN, and en from the browser's language) and a supervisor work a shift.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { caseIdFor } from '../../src/conversation/caseIdentity.js';
import { seriousViolations } from '../helpers/axe.js';
import { chromiumAvailable, screenshotPath } from '../helpers/browser.js';
import { browserSuite, openConsole } from '../helpers/browserSuite.js';
import { IDENTIFY_ZH_CN, INTERVIEW_ZH_CN } from '../helpers/browserScripts.js';
import type { RunningService } from '../helpers/service.js';
import { escalateAtOffers } from '../handoff/deskClient.js';
import { play, waitForBot, type Step } from './webChatPage.js';

/** Records desktop notifications the console raises (the browser's own API, observed, not replaced). */
const RECORD_NOTIFICATIONS = `(() => {
  const Real = window.Notification;
  window.__notices = [];
  window.Notification = class extends Real { constructor(title, options) { window.__notices.push(title); super(title, options); } };
})();`;

/** Notes when a given text first appears anywhere on the page (Web Chat renders the agent's message). */
const WATCH_FOR_TEXT = `(() => {
  window.__arrivals = {};
  new MutationObserver(() => {
    for (const marker of window.__watch ?? []) if (!window.__arrivals[marker] && document.body.innerText.includes(marker)) window.__arrivals[marker] = Date.now();
  }).observe(document, { subtree: true, childList: true, characterData: true });
})();`;

const TO_PERSON_ZH: readonly Step[] = [...IDENTIFY_ZH_CN, ...INTERVIEW_ZH_CN, ['type', '人工', /排队/]];

describe.skipIf(!chromiumAvailable())('the agent desk in Chromium', () => {
  const suite = browserSuite();
  let service: RunningService;
  let li: Page;
  let amy: Page;
  let boss: Page;
  const problems = suite.problems;
  const item = (page: Page, caseId: string) => page.locator(`#case-list button[data-case="${caseId}"]`);

  beforeAll(async () => {
    ({ service } = suite);
    li = await openConsole(suite, 'zh-CN', 'dev-agent-token', {
      notifications: true,
      initScript: RECORD_NOTIFICATIONS,
    });
    amy = await openConsole(suite, 'en-US', 'dev-agent2-token', { initScript: RECORD_NOTIFICATIONS });
    boss = await openConsole(suite, 'zh-CN', 'dev-supervisor-token', { initScript: RECORD_NOTIFICATIONS });
  }, 60_000);

  it('English browser gets English; a new urgent case raises a notification and the title count; the claim race leaves one holder and a localized error at the top', async () => {
    await expect(amy.locator('h1').innerText()).resolves.toBe('xieshang · Agent console');
    await expect(li.locator('h1').innerText()).resolves.toBe('协商 · 坐席工作台');
    expect(await seriousViolations(li)).toEqual([]);

    const borrower = service.borrower();
    for (const text of ['LN-2024-0001', '1234', '1990-05-20']) await borrower.say(text);
    await borrower.say('我不想活了');
    const caseId = caseIdFor(borrower.channelId, borrower.conversationId);
    await item(li, caseId).waitFor({ timeout: 10_000 });
    await expect
      .poll(() => li.evaluate(() => (window as unknown as { __notices: string[] }).__notices))
      .toContain('新的紧急案件');
    await expect.poll(() => li.title()).toMatch(/^\(\d+\) 协商 · 坐席工作台$/);
    await expect(item(li, caseId).innerText()).resolves.toMatch(/紧急[\s\S]*脆弱客户/);

    await item(li, caseId).click();
    await item(amy, caseId).waitFor();
    await item(amy, caseId).click();
    // Both have the case open (its title focused) before they press: a claim pressed while the view still loads has
    // no case to claim yet.
    for (const page of [li, amy])
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('case-title');
    // Both press Claim at once (a button the other's claim already hid would refuse a real click: press it in the page).
    await Promise.all([li, amy].map((page) => page.evaluate(() => document.getElementById('claim')!.click())));
    const alerts = await Promise.all(
      [li, amy].map(async (page) =>
        (await page.locator('#alert').isVisible()) ? page.locator('#alert').innerText() : '',
      ),
    );
    await expect
      .poll(async () => (await li.locator('#alert').isVisible()) !== (await amy.locator('#alert').isVisible()))
      .toBe(true);
    const loser = (await li.locator('#alert').isVisible()) ? li : amy;
    const loserAlert = await loser.locator('#alert').innerText();
    expect(loserAlert).toMatch(loser === li ? /已被其他坐席接手/ : /another agent may have claimed it/);
    expect(alerts.join('')).not.toMatch(/held by|agent-li|agent-amy/);
    await expect.poll(() => loser.locator('#claim').isHidden()).toBe(true);
    const box = await loser.locator('#alert').boundingBox();
    expect(box!.y).toBeLessThan(200);
    await loser.screenshot({ path: screenshotPath('desk-claim-race-loser') });
  }, 60_000);

  it('canned reply by short code, a note that never reaches the borrower, transfer with a note, reload keeps the held case', async () => {
    const borrower = service.borrower();
    await escalateAtOffers(borrower);
    const caseId = caseIdFor(borrower.channelId, borrower.conversationId);
    const payment = { paymentId: `e2e-${caseId}`, accountRef: 'LN-2024-0001', amountMinor: 150_000, currency: 'CNY' };
    const posted = await fetch(`${service.url}/api/lender/payments`, {
      method: 'POST',
      headers: { authorization: 'Bearer dev-lender-token', 'content-type': 'application/json' },
      body: JSON.stringify({ ...payment, paidAt: '2026-03-01T18:30:00+08:00' }),
    });
    expect(posted.status).toBe(201);
    await item(li, caseId).waitFor({ timeout: 10_000 });
    await item(li, caseId).click();
    await li.locator('#claim').click();
    await expect.poll(() => li.evaluate(() => document.activeElement?.id)).toBe('chat-text');
    await expect(li.locator('#interview').innerText()).resolves.toContain('失业');
    await expect(li.locator('#facts').innerText()).resolves.toContain('李客服');
    await expect(li.locator('#facts').innerText()).resolves.toMatch(/已收到还款\s+¥1,500\.00 · 2026/);
    await expect(li.locator('#case-meta').innerText()).resolves.toMatch(/身份已核实/);

    await li.locator('#chat-text').pressSequentially('/hel');
    await li.locator('#canned [role="option"]', { hasText: '/hello' }).waitFor();
    await li.keyboard.press('Enter');
    await expect(li.locator('#chat-text').inputValue()).resolves.toContain('我已经看过您和机器人的对话记录');
    await li.keyboard.press('Enter');
    await expect
      .poll(() => service.connector.of(borrower.conversationId).at(-1)?.text)
      .toMatch(/^李客服：您好，我是负责您案件的工作人员/);
    expect(service.connector.of(borrower.conversationId).at(-1)).toMatchObject({
      textFormat: 'plain',
      from: expect.objectContaining({ name: '李客服' }),
    });

    const sentBefore = service.connector.of(borrower.conversationId).length;
    await li.locator('#note-text').fill('借款人说下周一发工资，届时再联系');
    await li.locator('#note-text').press('Enter');
    await li.locator('#transcript .entry.note', { hasText: '下周一发工资' }).waitFor();
    expect(service.connector.of(borrower.conversationId).length).toBe(sentBefore);

    await li.locator('#transfer-to').selectOption('agent-amy');
    await li.locator('#transfer-note').fill('请跟进下周一的还款');
    await li.locator('#transfer button[type="submit"]').click();
    await li.locator('#status', { hasText: '已转交' }).waitFor();
    await amy.locator('#view-tabs [data-view="mine"]').click();
    await item(amy, caseId).waitFor({ timeout: 10_000 });
    await item(amy, caseId).click();
    await amy.locator('#transcript', { hasText: 'case transferred: Amy' }).waitFor();
    await amy.locator('#transcript .entry.note', { hasText: '请跟进下周一的还款' }).waitFor();
    expect(await amy.locator('#transcript').innerText()).not.toMatch(/[{}"]/);

    await amy.reload();
    await amy.locator('#case-title').waitFor();
    await expect(amy.locator('#view-tabs [aria-pressed="true"]').innerText()).resolves.toMatch(/My cases \([12]\)/);
    await expect(amy.locator('#facts').innerText()).resolves.toContain('Amy');
    await expect(amy.locator('#chat-text').isEnabled()).resolves.toBe(true);
    await amy.screenshot({ path: screenshotPath('desk-en-transferred-case-after-reload'), fullPage: true });
    expect(await seriousViolations(amy)).toEqual([]);

    await amy.locator('#close-outcome').selectOption('resolved');
    await amy.locator('#close-note').fill('follow-up agreed by phone');
    await amy.locator('#close button[type="submit"]').click();
    await amy.locator('#status', { hasText: 'Closed' }).waitFor();
    await amy.locator('#view-tabs [data-view="closed"]').click();
    await amy.locator('#search').fill('LN-2024-0001');
    await amy.locator('#search').press('Enter');
    await item(amy, caseId).waitFor();
    await expect(item(amy, caseId).innerText()).resolves.toContain('Resolved');
  }, 90_000);

  it('the supervisor sees the floor and finds the closed case; every page passes axe', async () => {
    await boss.locator('#floor-agents', { hasText: 'Amy' }).waitFor();
    await expect(boss.locator('#floor-agents').innerText()).resolves.toMatch(/李客服 · 在线/);
    await boss.locator('#view-tabs [data-view="closed"]').click();
    await boss.locator('#case-list button[data-case]').first().waitFor();
    await expect(boss.locator('#floor-today').innerText()).resolves.toMatch(/已解决: 1/);
    await boss.screenshot({ path: screenshotPath('desk-zh-CN-supervisor-floor'), fullPage: true });
    expect(await seriousViolations(boss)).toEqual([]);
  }, 60_000);

  it("Web Chat: the agent's message reaches the borrower's page in under 500 ms; the borrower's choice of an agent's offer shows on both sides; the next case starts with empty forms", async () => {
    const context = await suite.context({ viewport: { width: 420, height: 900 }, locale: 'zh-CN' });
    await context.addInitScript(WATCH_FOR_TEXT);
    const chat = await context.newPage();
    await chat.goto(`${service.url}/?locale=zh-CN`);
    await chat.click('#start-plain');
    await waitForBot(chat, /借款合同号/);
    await play(chat, TO_PERSON_ZH);
    await li.locator('#view-tabs [data-view="queue"]').click();
    // Every earlier case was claimed: the web chat's case is the only one waiting.
    const newest = li.locator('#case-list button[data-case]').first();
    await newest.waitFor({ timeout: 10_000 });
    await newest.click();
    // Forms start empty on a new case: the transfer of the previous case is not prefilled here.
    await expect(li.locator('#transfer-note').inputValue()).resolves.toBe('');
    await expect(li.locator('#transfer-to').inputValue()).resolves.toBe('');
    await li.locator('#claim').click();
    await waitForBot(chat, /已接入/);

    const marker = `延迟测量-${Date.now()}`;
    await chat.evaluate((text) => ((window as unknown as { __watch: string[] }).__watch = [text]), marker);
    await li.locator('#chat-text').fill(`您好，${marker}`);
    const sentAt = await li.evaluate(() => {
      const at = Date.now();
      (document.getElementById('chat') as HTMLFormElement).requestSubmit();
      return at;
    });
    await chat.waitForFunction(
      (text) => (window as unknown as { __arrivals: Record<string, number> }).__arrivals[text] !== undefined,
      marker,
      { timeout: 10_000 },
    );
    const arrivedAt = await chat.evaluate(
      (text) => (window as unknown as { __arrivals: Record<string, number> }).__arrivals[text]!,
      marker,
    );
    const latencyMs = arrivedAt - sentAt;
    console.info(`agent → borrower latency in the browser: ${latencyMs} ms`);
    expect(latencyMs).toBeLessThan(500);

    await li.locator('#propose-kind').selectOption('installment');
    await li.locator('#propose-months').fill('6');
    await li.locator('#propose button[type="submit"]').click();
    await li.locator('#status', { hasText: '方案已发送' }).waitFor();
    const choose = chat.getByRole('button', { name: '选择此方案' }).last();
    await choose.waitFor();
    await choose.click();
    await waitForBot(chat, /您已选择此方案/);
    await li.locator('#transcript', { hasText: '借款人选择了方案: 分期还款 × 6' }).waitFor();
    await chat.screenshot({ path: screenshotPath('desk-webchat-borrower-chose-agent-offer') });
    await li.screenshot({ path: screenshotPath('desk-zh-CN-agent-sees-choice'), fullPage: true });
    expect(problems).toEqual([]);
  }, 120_000);
});
