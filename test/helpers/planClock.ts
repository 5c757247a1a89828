// The test clock and the lender's payments for plan tests: POST /api/admin/clock, POST /api/lender/payments, local times.
import { expect } from 'vitest';
import type { RunningService } from './service.js';

const ADMIN = { authorization: 'Bearer dev-admin-token', 'content-type': 'application/json' };
const LENDER = { authorization: 'Bearer dev-lender-token', 'content-type': 'application/json' };
const DAY_MS = 86_400_000;

/** A local (Asia/Shanghai) time `days` after an ISO date, as an ISO instant. */
export const shanghai = (isoDate: string, time: string, days = 0): string =>
  new Date(Date.parse(`${isoDate}T${time}:00+08:00`) + days * DAY_MS).toISOString();

/** Moves the service's time (every instance's) and runs the jobs due by then. */
export async function advance(service: RunningService, advanceTo: string): Promise<{ now: string; jobsRun: number }> {
  const response = await fetch(`${service.url}/api/admin/clock`, {
    method: 'POST',
    headers: ADMIN,
    body: JSON.stringify({ advanceTo }),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as { now: string; jobsRun: number };
}

/** The lender posts a payment (CNY unless the body says otherwise). */
export async function pay(service: RunningService, body: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${service.url}/api/lender/payments`, {
    method: 'POST',
    headers: LENDER,
    body: JSON.stringify({ currency: 'CNY', ...body }),
  });
  expect(response.status, await response.clone().text()).toBeLessThan(300);
}
