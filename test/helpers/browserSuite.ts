// One service and one Chromium for a browser test file (started before, stopped after), and the pages tests open on it.
import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium } from './browser.js';
import { startService, type RunningService } from './service.js';

/** The Direct Line secret browser tests run the borrower's page with. */
export const E2E_DIRECTLINE_SECRET = 'e2e-directline-secret-of-at-least-32-chars';

export interface BrowserSuite {
  readonly service: RunningService;
  readonly browser: Browser;
  /** A context closed with the suite (pages it opens report uncaught errors into `problems`). */
  context(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** Uncaught page errors seen so far in pages opened through `context`. */
  readonly problems: string[];
}

/** Registers beforeAll/afterAll for the describe block it is called in. */
export function browserSuite(env: Record<string, string> = {}): BrowserSuite {
  let service: RunningService | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];
  beforeAll(async () => {
    service = await startService({ DIRECTLINE_SECRET: E2E_DIRECTLINE_SECRET, ...env });
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await service?.stop();
  });
  return {
    get service() {
      if (!service) throw new Error('the service starts in beforeAll');
      return service;
    },
    get browser() {
      if (!browser) throw new Error('Chromium starts in beforeAll');
      return browser;
    },
    problems,
    async context(options = {}) {
      const context = await this.browser.newContext(options);
      contexts.push(context);
      context.on('page', (page) => page.on('pageerror', (error) => problems.push(error.message)));
      return context;
    },
  };
}

/** An admin's invitation link to an account's case, opened in `locale`. */
export async function inviteUrl(
  service: RunningService,
  locale?: string,
  accountRef = 'LN-2024-0001',
): Promise<string> {
  const made = await fetch(`${service.url}/api/admin/invites`, {
    method: 'POST',
    headers: { authorization: 'Bearer dev-admin-token', 'content-type': 'application/json' },
    body: JSON.stringify({ accountRef }),
  });
  const { url } = (await made.json()) as { url: string };
  return locale ? `${url}&locale=${locale}` : url;
}

/** The agent console logged in with `token` in a new desktop context of `locale`. */
export async function openConsole(
  suite: BrowserSuite,
  locale: string,
  token: string,
  options: { notifications?: boolean; initScript?: string } = {},
): Promise<Page> {
  const context = await suite.context({
    viewport: { width: 1366, height: 900 },
    locale,
    bypassCSP: true,
    ...(options.notifications ? { permissions: ['notifications'] } : {}),
  });
  if (options.initScript) await context.addInitScript(options.initScript);
  const page = await context.newPage();
  await page.goto(`${suite.service.url}/agent`);
  await page.locator('#token').fill(token);
  await page.keyboard.press('Enter');
  await page.locator('#desk').waitFor();
  return page;
}

/** Every button and link of the page a finger can hit, with its size, where it is smaller than 44×44 px. */
export async function smallTapTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('button, a[href], [role="button"], input[type="submit"]')]
      .map((element) => ({ element, box: element.getBoundingClientRect() }))
      .filter(
        ({ box, element }) => box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden',
      )
      .filter(({ box }) => box.height < 44 || box.width < 44)
      .map(({ element, box }) => `${element.outerHTML.slice(0, 80)} ${box.width.toFixed(0)}×${box.height.toFixed(0)}`),
  );
}
