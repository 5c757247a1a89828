// The /flows page in headless Chromium at 1280 px: the diagrams, counts on boxes and arrows, descriptions, languages, errors.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, type RunningService } from '../helpers/service.js';
import { runScripted } from '../helpers/scriptedConversations.js';
import { flowGraph } from '../../machines/flowGraph.js';
import { seriousViolations } from '../helpers/axe.js';
import { chromiumAvailable, launchChromium, screenshotPath } from '../helpers/browser.js';

const PO = 'test-po-token-0000000001';
const AGENT = 'test-agent-token-00000001';
const hasBrowser = chromiumAvailable();

describe.skipIf(!hasBrowser)('the /flows page', () => {
  let service: RunningService;
  let browser: Browser;
  beforeAll(async () => {
    service = await startService({ API_TOKENS: `product_owner:po:PO:${PO};agent:agent-li:Li:${AGENT}` });
    browser = await launchChromium();
    await runScripted(service);
  });
  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  async function open(lang = 'en', token = PO): Promise<Page> {
    // bypassCSP only lets the test inject axe-core; the page's own scripts run under its policy either way.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${service.url}/flows?lang=${lang}`);
    await page.fill('#token', token);
    await page.click('#load');
    return page;
  }

  it('a product owner opens it at 1280 px after four conversations – fits the width, every state, counts on boxes and arrows, descriptions, no serious axe violation', async () => {
    const page = await open();
    await page.waitForSelector('body[data-loaded]');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    const graph = flowGraph(service.app.dialogs.current().machine);
    const boxes = 1 + graph.nodes.length + graph.groups.filter((g) => g.hasTransitions).length;
    expect(await page.locator('#diagram svg g.state').count()).toBe(boxes);
    for (const node of graph.nodes) expect(await page.locator(`#diagram [data-state="${node.id}"]`).count()).toBe(1);
    expect(await page.textContent('#diagram [data-count-for="[*]"]')).toBe('4 started');
    expect(await page.textContent('#diagram [data-count-for="conversation.findingAccount"]')).toBe('in 4 · stopped 0');
    expect(await page.textContent('#diagram [data-count-for="conversation.interview.askingReason"]')).toBe(
      'in 2 · stopped 1',
    );
    expect(await page.textContent('#diagram [data-count-for="agreed"]')).toBe('in 1 · stopped 1');
    // The arrow from askingReason on: 1 of the 2 who entered it went on to the duration question.
    expect(
      await page.textContent(
        '#diagram [data-edge-count="conversation.interview.askingReason>conversation.interview.askingDuration"]',
      ),
    ).toBe('1 · 50%');
    const offers = await page.locator('#offers tbody tr').allTextContents();
    expect(offers).toEqual(['extend10', 'grace11', 'installment10']);
    expect(await page.textContent('#started')).toMatch(/^4 conversation\(s\) started/);
    // The YAML's description, not only the id, names a state in the funnel table.
    const opening = graph.nodes.find((n) => n.id === 'opening')!;
    expect(opening.description).toBeTruthy();
    expect(await page.locator('#states tbody tr').first().innerText()).toContain(opening.description!);
    // The plan after the agreement is drawn too, with its own funnel line.
    expect(await page.locator('#plan-diagram [data-state="completed"]').count()).toBe(1);
    expect(await page.textContent('#plans')).toMatch(/kept 0 · broken 0/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('flows-page-1280') });
  });

  it('in 简体中文 – the headings and counts in Chinese', async () => {
    const page = await open('zh-CN');
    await page.waitForSelector('body[data-loaded]');
    expect(await page.textContent('h1')).toBe('流程查看');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.textContent('#diagram [data-count-for="conversation.findingAccount"]')).toBe('进入 4 · 停留 0');
    expect(await page.textContent('#plans')).toMatch(/履约 0 · 违约 0/);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('a wrong token – the page says so and draws nothing', async () => {
    const page = await open('en', 'not-a-valid-token-at-all');
    await expect.poll(() => page.textContent('#status')).toContain('unknown or revoked token');
    expect(await page.locator('#diagram svg').count()).toBe(0);
  });

  it('loaded as a product owner, then an agent token – the 403 message and none of the earlier data left on screen', async () => {
    const page = await open();
    await page.waitForSelector('body[data-loaded]');
    expect(await page.locator('#states tbody tr').count()).toBeGreaterThan(0);
    await page.fill('#token', AGENT);
    await page.click('#load');
    await expect.poll(() => page.textContent('#status')).not.toBe('');
    expect(await page.locator('svg').count()).toBe(0);
    expect(await page.locator('tbody tr').count()).toBe(0);
    expect(await page.textContent('#started')).toBe('');
    expect(await page.locator('#version option').count()).toBe(0);
  });
});
