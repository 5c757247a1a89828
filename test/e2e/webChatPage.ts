// Drives the real chat page like a borrower: types into Web Chat's send box, clicks buttons, reads the bot's bubbles.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/** One borrower move and what the bot's next message must say: `[how, what, bot replies matching]`. */
export type Step = readonly ['type' | 'click', string, RegExp];

const BOT_TEXT = '.webchat__bubble:not(.webchat__bubble--from-user)';

export async function botTexts(page: Page): Promise<string[]> {
  return page.locator(BOT_TEXT).allInnerTexts();
}

export async function waitForBot(page: Page, pattern: RegExp, seenBefore = 0, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const texts = await botTexts(page);
    if (texts.filter((text) => pattern.test(text)).length > seenBefore) return;
    if (Date.now() > deadline) throw new Error(`the bot never said ${pattern}; it said:\n${texts.join('\n---\n')}`);
    await page.waitForTimeout(150);
  }
}

export async function say(page: Page, text: string): Promise<void> {
  const input = page.locator('[data-id="webchat-sendbox-input"]');
  await input.fill(text);
  await input.press('Enter');
}

/** The last visible button with exactly this name: the newest suggested action or card button. */
export async function press(page: Page, name: string): Promise<void> {
  const button = page.getByRole('button', { name, exact: true }).last();
  await button.waitFor({ state: 'visible', timeout: 15_000 });
  await button.click();
}

export async function play(page: Page, steps: readonly Step[]): Promise<void> {
  for (const [how, what, reply] of steps) {
    const seen = (await botTexts(page)).filter((text) => reply.test(text)).length;
    if (how === 'type') await say(page, what);
    else await press(page, what);
    await waitForBot(page, reply, seen);
  }
}

/** Every message the borrower sent came back from the bridge: none is marked as failed to send. */
export async function expectNothingFailed(page: Page): Promise<void> {
  expect(await page.locator('.webchat__activity-status--send-failed, [class*="send-failed"]').count()).toBe(0);
}
