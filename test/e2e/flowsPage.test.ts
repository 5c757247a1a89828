// The /flows page in headless Chromium: a product owner's token, the diagram, and the counts of scripted conversations.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, type RunningService } from '../helpers/service.js';
import { runScripted } from '../helpers/scriptedConversations.js';
import { flowGraph } from '../../machines/flowGraph.js';
import { chromiumAvailable, launchChromium, screenshotPath } from '../helpers/browser.js';

const PO = 'test-po-token-0000000001';
const hasBrowser = chromiumAvailable();

describe.skipIf(!hasBrowser)('the /flows page', () => {
  let service: RunningService;
  let browser: Browser;
  beforeAll(async () => {
    service = await startService({ API_TOKENS: `product_owner:po:PO:${PO}` });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  it('a product owner opens it after three conversations – the diagram with every state and the funnel counts', async () => {
    await runScripted(service);
    const page = await browser.newPage({ viewport: { width: 1600, height: 1200 } });
    await page.goto(`${service.url}/flows`);
    await page.fill('#token', PO);
    await page.click('#load');
    await page.waitForSelector('body[data-loaded]');
    const graph = flowGraph(service.app.dialogs.current().machine);
    const boxes = 1 + graph.nodes.length + graph.groups.filter((g) => g.hasTransitions).length;
    expect(await page.locator('#diagram svg g.state').count()).toBe(boxes);
    for (const node of graph.nodes) expect(await page.locator(`#diagram [data-state="${node.id}"]`).count()).toBe(1);
    expect(await page.textContent('[data-count-for="[*]"]')).toBe('4 started');
    expect(await page.textContent('[data-count-for="conversation.findingAccount"]')).toBe('in 4 · stopped 0');
    expect(await page.textContent('[data-count-for="conversation.interview.askingReason"]')).toBe('in 2 · stopped 1');
    expect(await page.textContent('[data-count-for="agreed"]')).toBe('in 1 · stopped 1');
    const offers = await page.locator('#offers tbody tr').allTextContents();
    expect(offers).toEqual(['extend10', 'grace11', 'installment10']);
    expect(await page.textContent('#started')).toMatch(/^4 conversation\(s\) started/);
    await page.screenshot({ path: screenshotPath('flows-page'), fullPage: true });
  });

  it('a wrong token – the page says so and draws nothing', async () => {
    const page = await browser.newPage();
    await page.goto(`${service.url}/flows`);
    await page.fill('#token', 'not-a-valid-token-at-all');
    await page.click('#load');
    await expect.poll(() => page.textContent('#status')).toContain('unknown or revoked token');
    expect(await page.locator('#diagram svg').count()).toBe(0);
  });
});
