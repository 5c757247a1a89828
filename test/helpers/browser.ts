// Debian's Chromium for browser tests (never a downloaded one): skipped with a reason when absent, unless required.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** True when Chromium is installed; without it, throws under XS_REQUIRE_BROWSER=1, else warns once. */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  const reason = `no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium)`;
  if (process.env.XS_REQUIRE_BROWSER === '1') throw new Error(`XS_REQUIRE_BROWSER=1 but ${reason}`);
  console.warn(`skipping browser tests: ${reason}; set XS_REQUIRE_BROWSER=1 to fail instead`);
  return false;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** `test-artifacts/<name>.png` (gitignored), the folder made on first use. */
export function screenshotPath(name: string): string {
  const dir = join(process.cwd(), 'test-artifacts');
  mkdirSync(dir, { recursive: true });
  return join(dir, `${name}.png`);
}
