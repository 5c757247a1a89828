// The lender API through real HTTP on every store: accounts (upsert, import, delete), payments, outreach and its refusals.
import { readFileSync } from 'node:fs';
import { Agent, fetch as undiciFetch } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textOf } from '../helpers/borrowerChannel.js';
import { converse } from '../helpers/conversation.js';
import { STORE_KINDS, startService, storeEnv, type RunningService } from '../helpers/service.js';

const LENDER = { authorization: 'Bearer dev-lender-token' };
const CSV = readFileSync('examples/accounts.csv', 'utf8');

function testClock(start: string) {
  let now = Date.parse(start);
  return { clock: () => new Date(now), set: (iso: string) => void (now = Date.parse(iso)) };
}

function call(service: RunningService, method: string, path: string, body?: unknown, type = 'application/json') {
  return fetch(`${service.url}${path}`, {
    method,
    headers: { ...LENDER, ...(body === undefined ? {} : { 'content-type': type }) },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
}

const account = (ref: string, phone: string) => ({
  accountRef: ref,
  creditor: '星河消费金融',
  product: 'loan',
  currency: 'CNY',
  borrower: { name: '周杰', phone, idLast4: '2580', birthDate: '1985-06-01', timeZone: 'Asia/Shanghai' },
  balanceMinor: 5_000_000,
  overdueMinor: 400_000,
  feesMinor: 20_000,
  regularMonthlyMinor: 200_000,
  contractRateBps: 1800,
  penaltyRateBps: 2700,
  remainingMonths: 24,
  daysPastDue: 40,
  contactChannels: [{ kind: 'sms', address: phone }],
});

/** Built before any request: building it takes seconds, longer than a kept-alive connection waits (it would reset). */
const BULK = Array.from({ length: 100_000 }, (_, i) =>
  JSON.stringify(account(`BULK-${String(i).padStart(6, '0')}`, `135${String(i).padStart(8, '0')}`)),
).join('\n');

describe.each(STORE_KINDS)('lender API on the %s store', (kind) => {
  let one: RunningService;
  let two: RunningService;
  // 10:00 in Shanghai.
  const time = testClock('2026-03-02T02:00:00Z');
  beforeAll(async () => {
    // A 100 000-row body takes longer than the default 15 s to arrive on a busy machine.
    const env = { ...storeEnv(kind), BODY_TIMEOUT_MS: '120000' };
    one = await startService(env, { clock: time.clock });
    two = kind === 'redis' ? await startService(env, { clock: time.clock }) : one;
  });
  afterAll(async () => {
    if (two !== one) await two.stop();
    await one.stop();
  });

  it('the example CSV with one bad row added – good rows kept, the bad one answered with its line and reason', async () => {
    const bad =
      'LN-BAD-0003,星河消费金融,loan,CNY,钱多,139,1111,1990-01-01,Mars/Olympus,zh-CN,1,1,1,1,1800,2700,1,1,0,active,,';
    const response = await call(one, 'POST', '/api/lender/accounts/import', `${CSV}${bad}\n`, 'text/csv');
    expect(response.status).toBe(200);
    const report = (await response.json()) as {
      received: number;
      created: number;
      rejected: Array<{ line: number; reason: string }>;
    };
    expect(report).toMatchObject({ received: 3, created: 2 });
    expect(report.rejected).toEqual([
      {
        line: 4,
        reason: expect.stringMatching(/borrower\.phone.*borrower\.timeZone|borrower\.timeZone.*borrower\.phone/s),
      },
    ]);
    const stored = (await (await call(two, 'GET', '/api/lender/accounts/CC-2025-1002')).json()) as {
      borrower: { name: string };
      contactChannels: unknown[];
    };
    expect(stored.borrower.name).toBe('Lin, Mei');
    expect(stored.contactChannels).toEqual([{ kind: 'sms', address: '+886912000002' }]);
  });

  it('NDJSON with a broken line – reported by line, the others imported; an unknown content type – 415', async () => {
    const lines = [
      JSON.stringify(account('LN-ND-0001', '13911110001')),
      '{not json',
      JSON.stringify({ ...account('LN-ND-0002', '13911110002'), daysPastDue: -1 }),
    ];
    const report = await (
      await call(one, 'POST', '/api/lender/accounts/import', lines.join('\n'), 'application/x-ndjson')
    ).json();
    expect(report).toMatchObject({
      received: 3,
      created: 1,
      rejected: [
        { line: 2, reason: 'not a JSON object' },
        { line: 3, reason: expect.stringContaining('daysPastDue') },
      ],
    });
    expect((await call(one, 'POST', '/api/lender/accounts/import', 'x', 'application/xml')).status).toBe(415);
  });

  it('100 000 accounts in one NDJSON request – all imported, found by phone on the other instance', async () => {
    const started = performance.now();
    // A connection of its own: a kept-alive one may be closed by the server just as a 40 MB upload starts on it.
    const response = await undiciFetch(`${one.url}/api/lender/accounts/import`, {
      method: 'POST',
      headers: { ...LENDER, 'content-type': 'application/x-ndjson' },
      body: BULK,
      dispatcher: new Agent({ pipelining: 0 }),
    });
    const report = (await response.json()) as { received: number; created: number; rejected: unknown[] };
    console.info(`[${kind}] 100 000-row import answered in ${Math.round(performance.now() - started)} ms`);
    expect(report).toMatchObject({ received: 100_000, created: 100_000, rejected: [] });
    expect(two.app.accounts).toBeDefined();
    expect((await two.app.accounts.find({ phone: '+86 135 0009 9999' }))?.accountRef).toBe('BULK-099999');
  }, 300_000);

  it('an account updated during a conversation – the next turn, on another instance, uses the new facts', async () => {
    expect(
      (await call(one, 'PUT', '/api/lender/accounts/LN-UP-0001', account('LN-UP-0001', '13922220001'))).status,
    ).toBe(201);
    const borrower = one.borrower();
    await converse(borrower, [
      ['你好', '合同号'],
      ['LN-UP-0001', '后四位'],
      ['2580', '出生日期'],
    ]);
    const updated = { ...account('LN-UP-0001', '13922220001'), overdueMinor: 123_400, daysPastDue: 70 };
    expect(await (await call(two, 'PUT', '/api/lender/accounts/LN-UP-0001', updated)).json()).toEqual({
      accountRef: 'LN-UP-0001',
      outcome: 'updated',
    });
    const onTwo = two.borrower({ conversationId: borrower.conversationId, userId: borrower.userId });
    const answer = await onTwo.post(onTwo.activity({ id: `${borrower.conversationId}-on-two`, text: '1985-06-01' }));
    expect(answer.replies.map(textOf).join('\n')).toMatch(/逾期 ¥1,234\.00[\s\S]*70 天/);
  });

  it('a body whose reference differs from the path – 400; DELETE – gone, a second DELETE – 404; no token – 401', async () => {
    expect((await call(one, 'PUT', '/api/lender/accounts/LN-X-0001', account('LN-X-0002', '13933330001'))).status).toBe(
      400,
    );
    await call(one, 'PUT', '/api/lender/accounts/LN-X-0001', account('LN-X-0001', '13933330001'));
    expect((await call(two, 'DELETE', '/api/lender/accounts/LN-X-0001')).status).toBe(200);
    expect((await call(one, 'DELETE', '/api/lender/accounts/LN-X-0001')).status).toBe(404);
    expect((await fetch(`${one.url}/api/lender/accounts/LN-X-0001`)).status).toBe(401);
  });

  it('a payment posted twice – recorded once (201 then 200); another body under the same id – 409', async () => {
    const payment = {
      paymentId: `p-${kind}-1`,
      accountRef: 'LN-2025-1001',
      amountMinor: 120_000,
      currency: 'CNY',
      paidAt: '2026-03-01T18:30:00+08:00',
    };
    expect((await call(one, 'POST', '/api/lender/payments', payment)).status).toBe(201);
    expect((await call(two, 'POST', '/api/lender/payments', payment)).status).toBe(200);
    const conflict = await call(one, 'POST', '/api/lender/payments', { ...payment, amountMinor: 1 });
    expect(conflict.status).toBe(409);
    expect(((await conflict.json()) as { error: { message: string } }).error.message).toContain('different payment');
    const listed = (await (await call(two, 'GET', '/api/lender/accounts/LN-2025-1001/payments')).json()) as {
      payments: unknown[];
    };
    expect(listed.payments).toEqual([expect.objectContaining({ paymentId: `p-${kind}-1`, amountMinor: 120_000 })]);
    expect(
      (await call(one, 'POST', '/api/lender/payments', { ...payment, paymentId: 'p-2', amountMinor: -5 })).status,
    ).toBe(400);
  });

  it('outreach at 10:00 in Shanghai – requested; at 22:30 – refused with the next 08:00; an opted-out borrower – refused', async () => {
    time.set('2026-03-02T02:00:00Z');
    const first = await (
      await call(one, 'POST', '/api/lender/outreach', { accountRefs: ['LN-2025-1001', 'NO-SUCH-1'] })
    ).json();
    expect(first).toMatchObject({
      requested: [{ accountRef: 'LN-2025-1001', url: expect.stringContaining('?invite=') }],
      skipped: [{ accountRef: 'NO-SUCH-1', reason: 'unknownAccount' }],
    });
    time.set('2026-03-02T14:30:00Z');
    expect(await (await call(one, 'POST', '/api/lender/outreach', { accountRefs: ['LN-2025-1001'] })).json()).toEqual({
      requested: [],
      skipped: [{ accountRef: 'LN-2025-1001', reason: 'outsideContactHours', earliestAt: '2026-03-03T00:00:00.000Z' }],
    });

    time.set('2026-03-03T02:00:00Z');
    const borrower = one.borrower();
    await converse(borrower, [
      ['你好', '合同号'],
      ['LN-ND-0001', '后四位'],
      ['退订', ''],
    ]);
    expect(await (await call(two, 'POST', '/api/lender/outreach', { accountRefs: ['LN-ND-0001'] })).json()).toEqual({
      requested: [],
      skipped: [{ accountRef: 'LN-ND-0001', reason: 'optedOut' }],
    });
  });

  it('outreach a third time within a day with a cap of 2 – refused as dailyCap', async () => {
    time.set('2026-03-05T02:00:00Z');
    await call(one, 'POST', '/api/lender/outreach', { accountRefs: ['LN-UP-0001'] });
    await call(one, 'POST', '/api/lender/outreach', { accountRefs: ['LN-UP-0001'] });
    const third = await (await call(two, 'POST', '/api/lender/outreach', { accountRefs: ['LN-UP-0001'] })).json();
    expect(third).toMatchObject({ requested: [], skipped: [{ reason: 'dailyCap' }] });
  });

  it('the OpenAPI document – 3.1, every lender and admin route', async () => {
    const document = (await (await fetch(`${one.url}/api/lender/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/lender/accounts/{accountRef}',
        '/api/lender/accounts/import',
        '/api/lender/payments',
        '/api/lender/outreach',
        '/api/admin/webhooks/deliveries',
        '/api/admin/webhooks/deliveries/{id}/redeliver',
      ]),
    );
  });
});
