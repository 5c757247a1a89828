// What a service says about its webhook deliveries (GET /api/admin/webhooks/deliveries), and polling until one shows.
import { expect } from 'vitest';

export const ADMIN_JSON = { authorization: 'Bearer dev-admin-token', 'content-type': 'application/json' };

export interface Delivery {
  id: string;
  caseId: string;
  type: string;
  status: string;
  attempts: number;
  lastAttemptAt?: string;
  nextAttemptAt?: string;
  lastError?: string;
}

export async function deliveries(serviceUrl: string, status: 'failed' | 'dead' | 'delivered'): Promise<Delivery[]> {
  const response = await fetch(`${serviceUrl}/api/admin/webhooks/deliveries?status=${status}`, { headers: ADMIN_JSON });
  expect(response.status).toBe(200);
  return ((await response.json()) as { deliveries: Delivery[] }).deliveries;
}

/** Polls until `find` returns something (the test's own timeout bounds it). */
export async function until<T>(find: () => Promise<T | undefined>): Promise<T> {
  for (;;) {
    const found = await find();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
