// A product owner edits a zh-TW prompt on /flows in Chromium: a conduct error as they type, fixed, previewed, published with a note.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, type RunningService } from '../helpers/service.js';
import { seriousViolations } from '../helpers/axe.js';
import { textOf } from '../helpers/borrowerChannel.js';
import { chromiumAvailable, launchChromium, screenshotPath } from '../helpers/browser.js';

const PO = 'test-po-token-0000000001';
const FIELD = 'prompts.zh-TW.identity.askIdLast4';
const OLD = '為保護您的隱私，請先核實身份：請輸入您身分證號碼的後四位。';
const NEW = '為了確認是您本人，請輸入身分證號碼的最後四碼。';
const hasBrowser = chromiumAvailable();

describe.skipIf(!hasBrowser)('editing a flow on /flows', () => {
  let service: RunningService;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    service = await startService({ API_TOKENS: `product_owner:po:PO:${PO}` });
    browser = await launchChromium();
    // bypassCSP only lets the test inject axe-core; the page's own scripts run under its policy either way.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    page = await context.newPage();
    await page.goto(`${service.url}/flows?lang=en`);
    await page.fill('#token', PO);
    await page.click('#load');
    await page.waitForSelector('body[data-loaded]');
  });
  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  let published: { v1: string; v2: string } | undefined;
  const errorOf = (field: string) => page.locator(`[data-error-for="${field}"]`);

  it('a forbidden phrase shows a conduct error next to the field; fixed, previewed and published with a note – a new conversation gets the new wording, a running one keeps the old', async () => {
    const running = service.borrower({ locale: 'zh-TW' });
    await running.say('你好');
    const v1 = service.app.dialogs.current().version;

    await page.click('#edit');
    await page.fill('#edit-filter', 'askIdLast4');
    const box = page.locator(`[data-field="${FIELD}"]`);
    expect(await box.inputValue()).toBe(OLD);
    await box.fill('不輸入就起訴您。請輸入身分證號碼的後四位。');
    await expect.poll(() => errorOf(FIELD).textContent()).toContain('起訴您');
    expect(await box.getAttribute('aria-invalid')).toBe('true');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('flows-editor-conduct-error') });

    await box.fill(NEW);
    await expect.poll(() => errorOf(FIELD).textContent()).toBe('');
    await page.waitForSelector('#editor[data-checked="true"]');
    expect(await page.textContent('#edit-count')).toBe('1 change(s)');

    await page.fill('#edit-filter', 'opening.disclosure');
    await page.focus('[data-field="prompts.zh-TW.opening.disclosure"]');
    await expect.poll(() => page.textContent('#preview-text')).toContain('我是星河消费金融的自動協商助手');

    await page.fill('#publish-name', '身份核實更口語');
    await page.fill('#publish-note', '借款人看不懂「核實」');
    await page.click('#publish-button');
    await page.waitForSelector('body[data-published]');
    const v2 = await page.getAttribute('body', 'data-published');
    expect(v2).not.toBe(v1);
    expect(service.app.dialogs.current().version).toBe(v2);
    await expect.poll(() => page.inputValue('#version')).toBe(v2);
    expect(await page.locator('#version option:checked').textContent()).toContain('身份核實更口語');

    expect((await running.say('LN-2024-0001')).replies.map(textOf).join('\n')).toContain(OLD);
    const fresh = service.borrower({ locale: 'zh-TW' });
    await fresh.say('你好');
    expect((await fresh.say('LN-2024-0001')).replies.map(textOf).join('\n')).toContain(NEW);
    published = { v1, v2: v2! };
  });

  it('the diff between the two versions shows the changed prompt; the funnels side by side; make current on the first rolls back', async () => {
    const { v1, v2 } = published!;
    await page.selectOption('#version', v2);
    await page.selectOption('#compare', v1);
    await page.click('#compare-button');
    await page.waitForSelector(`#compare-result[data-compared="${v1}>${v2}"]`);
    const rows = await page.locator('#compare-result tbody tr').allInnerTexts();
    expect(rows.filter((r) => r.includes('identity.askIdLast4'))).toEqual([
      `identity.askIdLast4\tzh-TW\t${OLD}\t${NEW}`,
    ]);
    expect(rows).toContainEqual(expect.stringMatching(/^started\t\d+\t\d+$/));
    expect(rows).toContainEqual(expect.stringMatching(/^optedOut\t\d+\t\d+$/));
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('flows-compare') });

    await page.selectOption('#version', v1);
    await page.click('#make-current');
    await expect.poll(() => page.textContent('#status-ok')).toContain(`${v1} is current`);
    expect(service.app.dialogs.current().version).toBe(v1);
    const after = service.borrower({ locale: 'zh-TW' });
    await after.say('你好');
    expect((await after.say('LN-2024-0001')).replies.map(textOf).join('\n')).toContain(OLD);
  });
});
