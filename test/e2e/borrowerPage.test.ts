// The borrower's page on a phone and a desktop in three locales: come back by the link, offline sends, offers, agreement.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DirectLineTokens } from '../../src/channels/directline/directLineTokens.js';
import { caseIdFor } from '../../src/conversation/caseIdentity.js';
import { seriousViolations } from '../helpers/axe.js';
import { chromiumAvailable, screenshotPath } from '../helpers/browser.js';
import {
  browserSuite,
  E2E_DIRECTLINE_SECRET as SECRET,
  inviteUrl as invite,
  smallTapTargets,
} from '../helpers/browserSuite.js';
import { SCRIPTS, type LocaleScript } from '../helpers/browserScripts.js';
import type { RunningService } from '../helpers/service.js';
import { botTexts, expectNothingFailed, play, say, waitForBot } from './webChatPage.js';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

const IDENTITY: readonly string[] = ['1234', '1990-05-20'];

describe.skipIf(!chromiumAvailable())('the borrower page at 390×844 and 1280×800', () => {
  const suite = browserSuite();
  let service: RunningService;
  let browser: Browser;
  beforeAll(() => {
    ({ service, browser } = suite);
  });
  const inviteUrl = (locale: string) => invite(service, locale);
  const phone = (locale: string) =>
    suite.context({ viewport: PHONE, isMobile: true, hasTouch: true, locale, bypassCSP: true });

  async function verify(page: Page, script: LocaleScript): Promise<void> {
    await waitForBot(page, script.askId);
    await play(page, [
      ['type', IDENTITY[0]!, /./],
      ['type', IDENTITY[1]!, script.arrears],
    ]);
  }

  async function expectAccessible(page: Page): Promise<void> {
    expect(await seriousViolations(page)).toEqual([]);
  }

  describe.each(SCRIPTS)('$locale', (script) => {
    let context: BrowserContext;
    afterAll(() => context?.close());

    it('on a phone: offers stacked with every monthly amount on screen, tap targets ≥ 44 px, an offline choice sent once, the agreement printable', async () => {
      context = await phone(script.locale);
      const page = await context.newPage();
      const url = await inviteUrl(script.locale);
      await page.goto(url);
      await verify(page, script);
      await play(page, script.interview);
      const offers = page
        .locator('.webchat__stacked-layout', { has: page.locator('.ac-adaptiveCard') })
        .last()
        .locator('.ac-adaptiveCard');
      const count = await offers.count();
      expect(count).toBeGreaterThan(1);
      for (let i = 0; i < count; i++) {
        const monthly = offers.nth(i).getByText(script.monthly, { exact: false }).first();
        await monthly.scrollIntoViewIfNeeded();
        const box = (await monthly.boundingBox())!;
        // Visible by scrolling down only: inside the phone's width, never behind a carousel's swipe.
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
      }
      expect(await page.locator('.webchat__carousel-filmstrip').count()).toBe(0);
      const intro = page.locator('.webchat__bubble', { hasText: script.interview.at(-1)![2] }).last();
      expect(await intro.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
      expect(await smallTapTargets(page)).toEqual([]);
      await page.screenshot({ path: screenshotPath(`page-${script.locale}-phone-offers`), fullPage: false });
      await expectAccessible(page);

      // Offline: the choice is typed, the network comes back, the message arrives once and the bot answers.
      await context.setOffline(true);
      await say(page, script.choosePlan);
      await page.waitForTimeout(2000);
      await context.setOffline(false);
      await waitForBot(page, script.review, 0, 60_000);
      const sent = await page.locator('.webchat__bubble--from-user').allInnerTexts();
      expect(sent.filter((text) => text.includes(script.choosePlan))).toHaveLength(1);
      await expectNothingFailed(page);

      await play(page, [['click', script.agree, script.recorded]]);
      expect((await botTexts(page)).join('\n')).toMatch(script.firstDue);
      const link = page.locator('#agreement-link');
      await link.waitFor({ state: 'visible', timeout: 15_000 });
      expect(await smallTapTargets(page)).toEqual([]);
      await page.screenshot({ path: screenshotPath(`page-${script.locale}-phone-agreed`) });

      const agreement = await context.newPage();
      await agreement.goto((await link.getAttribute('href'))!);
      expect(await agreement.locator('html').getAttribute('lang')).toBe(script.locale);
      const printed = await agreement.locator('main').innerText();
      expect(printed).toMatch(/XS-\d{8}-[0-9A-Z]{6}/);
      expect(printed).toMatch(script.firstDue);
      expect(await agreement.locator('.creditor').innerText()).toContain(script.creditor);
      expect(await agreement.locator('tbody tr').count()).toBeGreaterThan(0);
      expect(await agreement.locator('li').count()).toBeGreaterThan(0);
      expect(await agreement.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      await agreement.screenshot({ path: screenshotPath(`page-${script.locale}-agreement`), fullPage: true });
      await expectAccessible(agreement);
      await agreement.emulateMedia({ media: 'print' });
      expect(await agreement.locator('#print').isHidden()).toBe(true);
      const pdf = await agreement.pdf({
        path: screenshotPath(`page-${script.locale}-agreement`).replace(/png$/, 'pdf'),
      });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      await agreement.close();
      await page.close();

      // The agreed case on another phone: no agreement and no link until it answers who it is; then both.
      const other = await phone(script.locale);
      try {
        const newDevice = await other.newPage();
        await newDevice.goto(url);
        await waitForBot(newDevice, script.askId);
        expect((await botTexts(newDevice)).join('\n')).not.toMatch(/XS-\d{8}/);
        expect(await newDevice.locator('#agreement-link').isVisible()).toBe(false);
        await play(newDevice, [
          ['type', IDENTITY[0]!, /./],
          ['type', IDENTITY[1]!, /XS-\d{8}-[0-9A-Z]{6}/],
        ]);
        await newDevice.locator('#agreement-link').waitFor({ state: 'visible', timeout: 15_000 });
      } finally {
        await other.close();
      }
    }, 300_000);

    it('at 1280×800: a centred page with the bot avatar in its script; the link again on this device continues, on a new device asks who it is first', async () => {
      const desktop = await browser.newContext({ viewport: DESKTOP, locale: script.locale, bypassCSP: true });
      try {
        const url = await inviteUrl(script.locale);
        const page = await desktop.newPage();
        await page.goto(url);
        await verify(page, script);
        const main = (await page.locator('main').boundingBox())!;
        expect(Math.abs(main.x + main.width / 2 - DESKTOP.width / 2)).toBeLessThanOrEqual(2);
        expect(main.width).toBeLessThanOrEqual(800);
        expect(await page.locator('.xs-avatar--bot').first().innerText()).toBe(script.botInitials);
        expect(await page.locator('link[rel="icon"]').getAttribute('href')).toBe('/favicon.svg');
        expect((await fetch(`${service.url}/favicon.svg`)).headers.get('content-type')).toMatch(/svg/);
        await page.screenshot({ path: screenshotPath(`page-${script.locale}-desktop`) });
        await expectAccessible(page);
        await page.close();

        // The tab closed and the link opened again in the same browser: the same conversation, all of it.
        const again = await desktop.newPage();
        await again.goto(url);
        await waitForBot(again, script.arrears);
        expect((await botTexts(again)).join('\n')).not.toMatch(script.newDevice);
        await again.close();

        // Another phone: the same conversation, nothing said before, the identity first.
        const other = await phone(script.locale);
        try {
          const newDevice = await other.newPage();
          await newDevice.goto(url);
          await waitForBot(newDevice, script.askId);
          const seen = (await botTexts(newDevice)).join('\n');
          expect(seen).toMatch(script.newDevice);
          expect(seen).not.toMatch(script.arrears);
          await newDevice.screenshot({ path: screenshotPath(`page-${script.locale}-new-device`) });
          await play(newDevice, [
            ['type', IDENTITY[0]!, /./],
            ['type', IDENTITY[1]!, script.arrears],
          ]);
        } finally {
          await other.close();
        }
      } finally {
        await desktop.close();
      }
    }, 180_000);

    it('an expired link – said in the page language, with a start by account number', async () => {
      const { invite } = await new DirectLineTokens(SECRET).invite('LN-2024-0001', -60);
      const context = await phone(script.locale);
      try {
        const page = await context.newPage();
        await page.goto(`${service.url}/?invite=${invite}&locale=${script.locale}`);
        const problem = page.locator('#link-problem');
        await problem.waitFor({ state: 'visible' });
        expect(await problem.innerText()).toMatch(script.linkExpired);
        await page.screenshot({ path: screenshotPath(`page-${script.locale}-link-expired`) });
        await expectAccessible(page);
        await page.getByRole('button', { name: script.startWithAccount }).click();
        await waitForBot(page, script.asksAccount);
      } finally {
        await context.close();
      }
    }, 60_000);
  });

  it("zh-TW: an agent's message under the agent's own avatar and name, not the bot's", async () => {
    const context = await phone('zh-TW');
    try {
      const page = await context.newPage();
      await page.goto(await inviteUrl('zh-TW'));
      await verify(page, SCRIPTS[1]!);
      await say(page, '人工');
      await page.waitForTimeout(500);
      const saved = await page.evaluate(() => {
        const key = Object.keys(sessionStorage).find((name) => name.startsWith('xs-webchat:'))!;
        return JSON.parse(sessionStorage.getItem(key)!) as { conversationId: string };
      });
      const caseId = caseIdFor('directline', saved.conversationId);
      const desk = (path: string, body: unknown) =>
        fetch(`${service.url}/api/agent/cases/${caseId}${path}`, {
          method: 'POST',
          headers: { authorization: 'Bearer dev-agent-token', 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      await expect.poll(async () => (await desk('/claim', {})).status, { timeout: 15_000 }).toBeLessThan(300);
      expect((await desk('/messages', { text: '您好，我來協助您。' })).status).toBeLessThan(300);
      await waitForBot(page, /我來協助您/);
      const agentAvatar = page.locator('.xs-avatar--agent').last();
      await agentAvatar.waitFor({ state: 'visible' });
      expect(await agentAvatar.getAttribute('aria-label')).toMatch(/李客服/);
      expect(await page.locator('.xs-agent-name').last().innerText()).toBe('李客服');
      expect(await page.locator('.xs-avatar--bot').first().innerText()).toBe('協');
      await page.screenshot({ path: screenshotPath('page-zh-TW-agent') });
      await expectAccessible(page);
    } finally {
      await context.close();
    }
  }, 90_000);
});
