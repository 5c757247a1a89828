// A product owner on /flows in Chromium starts an experiment at 50 %, sees both arms get traffic, and stops it.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSuite } from '../helpers/browserSuite.js';
import { seriousViolations } from '../helpers/axe.js';
import { chromiumAvailable, screenshotPath } from '../helpers/browser.js';
import { caseIdFor } from '../../src/conversation/caseIdentity.js';
import { assignArm } from '../../src/domain/experiments/experimentArm.js';

const PO = 'test-po-token-0000000001';
const PER_ARM = 3;

describe.skipIf(!chromiumAvailable())('an experiment on /flows', () => {
  const suite = browserSuite({ API_TOKENS: `product_owner:po:PO:${PO}` });
  let page: Page;
  let v1: string;
  let v2: string;
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${suite.service.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${PO}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return (await response.json()) as Record<string, unknown> & { experiments: Array<{ id: string; seed: string }> };
  };
  beforeAll(async () => {
    v1 = suite.service.app.dialogs.current().version;
    const published = await call('POST', '/api/flows/publish', {
      base: v1,
      edits: { prompts: { 'zh-CN': { 'identity.askIdLast4': '为了确认是您本人，请输入身份证号码的最后四位。' } } },
      name: 'plainer identity question',
      note: 'try it on half of the traffic',
    });
    v2 = String(published.version);
    await call('POST', `/api/flows/${v1}/current`);
    const context = await suite.context({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    page = await context.newPage();
    await page.goto(`${suite.service.url}/flows?lang=en`);
    await page.fill('#token', PO);
    await page.click('#load');
    await page.waitForSelector('body[data-loaded]');
  });

  it('started at 50 % – new conversations split between the arms as assignArm says, both counted on the page; no serious axe violations', async () => {
    await page.waitForSelector('#experiment-start:not([hidden])');
    expect(await page.textContent('#experiment-state')).toContain('No experiment yet');
    await page.selectOption('#experiment-candidate', v2);
    await page.fill('#experiment-percent', '50');
    await page.click('#experiment-start-button');
    await page.waitForSelector('#experiment-stop:not([hidden])');
    expect(await page.textContent('#experiment-state')).toContain(
      `50% of new conversations on ${v2}, the rest on ${v1}`,
    );

    const { seed } = (await call('GET', '/api/flows/experiments')).experiments[0]!;
    const expected = { control: 0, candidate: 0 };
    for (let i = 0; expected.control < PER_ARM || expected.candidate < PER_ARM; i++) {
      const conversationId = `page-xp-${i}`;
      const arm = assignArm(seed, caseIdFor('test', conversationId), 50);
      if (expected[arm] >= PER_ARM) continue;
      expected[arm] += 1;
      await suite.service.borrower({ conversationId }).say('你好');
    }

    await page.click('#load');
    await page.waitForSelector(`#experiment[data-started="${PER_ARM}/${PER_ARM}"]`);
    const rows = await page.locator('#experiment-result tbody tr').allInnerTexts();
    expect(rows).toContain(`started\t${PER_ARM}\t${PER_ARM}`);
    expect(await page.textContent('#experiment-result')).toContain('too few conversations to tell yet');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('flows-experiment-running') });
  });

  it('stopped – the page offers a new one; a new conversation starts on the current version, outside the experiment', async () => {
    await page.click('#experiment-stop');
    await page.waitForSelector('#experiment-start:not([hidden])');
    expect(await page.textContent('#experiment-state')).toContain('stopped');
    await suite.service.borrower({ conversationId: 'page-xp-after' }).say('你好');
    const { record } = await suite.service.app.store.load(caseIdFor('test', 'page-xp-after'));
    expect(record?.flowVersion).toBe(v1);
    expect(record?.experiment).toBeUndefined();
    expect(await seriousViolations(page)).toEqual([]);
    expect(suite.problems).toEqual([]);
  });
});
