// The lender API's operations (accounts, payments, outreach) and the admin webhook deliveries: one table for routes and OpenAPI.
import { z } from 'zod';
import { AccountSchema } from '../../domain/account.js';
import { PaymentSchema, StoredPaymentSchema } from '../../domain/payment.js';
import { HttpError } from '../../errors.js';
import type { ApiInfo, ApiOperation } from '../../handoff/openApi.js';
import { importAccounts, importFormatOf } from '../../lender/accounts/importAccounts.js';
import { CSV_COLUMNS } from '../../lender/accounts/accountRows.js';
import { recordPayment, type PaymentDeps } from '../../lender/payments/recordPayment.js';
import {
  OutreachRequestSchema,
  OutreachResponseSchema,
  startOutreach,
  type OutreachDeps,
} from '../../lender/outreach/startOutreach.js';
import type { Outbox } from '../../store/outbox.js';
import { DeliveryRecordSchema } from '../../store/outbox.js';
import type { Role } from '../auth.js';
import { describeIssues } from '../../zodIssues.js';

export interface LenderDeps extends PaymentDeps, OutreachDeps {
  outbox: Outbox;
}

export interface LenderRequest {
  params: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
  /** The raw body (import only). */
  text: () => Promise<string>;
  contentType: string | undefined;
}

export interface LenderOperation extends ApiOperation {
  roles: readonly Role[];
  /** 201 when the handler says it created something. */
  handle(deps: LenderDeps, request: LenderRequest): Promise<{ status?: number; body: unknown }>;
}

export const LENDER_API_INFO: ApiInfo = {
  title: 'xieshang lender API',
  description:
    'For the lender’s loan system: accounts in (upsert, import, delete), payments in (idempotent), outreach; webhook deliveries for admins. Events go out as Standard Webhooks.',
  tokens: 'API_TOKENS entries with role lender (accounts, payments, outreach) or admin (webhook deliveries)',
  errors: {
    '400': 'the body or a parameter is not valid (the message names the field)',
    '401': 'no bearer token, or an unknown one',
    '403': 'the token’s role may not do this',
    '404': 'no such account or delivery',
    '409': 'the paymentId was already used for a different payment',
    '413': 'more than 100 000 rows, or a body over IMPORT_MAX_BYTES',
    '415': 'import content-type is neither application/x-ndjson nor text/csv',
  },
};

const AccountRefParam = z.string().regex(/^[A-Za-z0-9-]{4,32}$/, 'an account reference');
const ImportReportSchema = z.object({
  received: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  rejected: z.array(z.object({ line: z.number().int(), reason: z.string() })),
});
const DeliveriesQuerySchema = z.object({
  status: z.enum(['failed', 'dead', 'delivered']),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
const LENDER: readonly Role[] = ['lender'];
const ADMIN: readonly Role[] = ['admin'];

export function parseWith<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  throw new HttpError(400, `invalid ${what} — ${describeIssues(parsed.error, what)}`);
}

function refOf(request: LenderRequest): string {
  return parseWith(AccountRefParam, request.params.accountRef, 'accountRef').toUpperCase();
}

export const LENDER_OPERATIONS: readonly LenderOperation[] = [
  {
    method: 'put',
    path: '/api/lender/accounts/{accountRef}',
    summary: 'Create or replace one account (the reference in the body, if any, must match the path)',
    roles: LENDER,
    request: AccountSchema,
    response: z.object({ accountRef: z.string(), outcome: z.enum(['created', 'updated']) }),
    async handle(deps, request) {
      const ref = refOf(request);
      const body = typeof request.body === 'object' && request.body !== null ? request.body : {};
      const account = parseWith(AccountSchema, { accountRef: ref, ...body }, 'account');
      if (account.accountRef.toUpperCase() !== ref)
        throw new HttpError(400, `accountRef ${account.accountRef} in the body differs from ${ref} in the path`);
      const [outcome] = await deps.accounts.upsert([account]);
      return { status: outcome === 'created' ? 201 : 200, body: { accountRef: account.accountRef, outcome } };
    },
  },
  {
    method: 'get',
    path: '/api/lender/accounts/{accountRef}',
    summary: 'One account as stored',
    roles: LENDER,
    response: AccountSchema,
    async handle(deps, request) {
      const account = await deps.accounts.byReference(refOf(request));
      if (!account) throw new HttpError(404, `no account ${request.params.accountRef}`);
      return { body: account };
    },
  },
  {
    method: 'delete',
    path: '/api/lender/accounts/{accountRef}',
    summary: 'Remove an account from the directory (its cases and payments stay)',
    roles: LENDER,
    response: z.object({ accountRef: z.string(), deleted: z.literal(true) }),
    async handle(deps, request) {
      const ref = refOf(request);
      if (!(await deps.accounts.remove(ref))) throw new HttpError(404, `no account ${ref}`);
      return { body: { accountRef: ref, deleted: true } };
    },
  },
  {
    method: 'post',
    path: '/api/lender/accounts/import',
    summary: `Import up to 100 000 accounts: NDJSON (one account per line) or CSV with the header ${CSV_COLUMNS.join(',')}. Good rows are kept; each bad row is answered with its line and reason.`,
    roles: LENDER,
    rawBody: {
      'application/x-ndjson': 'one account JSON object per line (the schema of PUT /api/lender/accounts/{accountRef})',
      'text/csv': `header ${CSV_COLUMNS.join(',')}; channelUserIds and contactChannels (kind:address) joined by |`,
    },
    response: ImportReportSchema,
    async handle(deps, request) {
      const format = importFormatOf(request.contentType);
      return { body: await importAccounts(deps.accounts, await request.text(), format) };
    },
  },
  {
    method: 'post',
    path: '/api/lender/payments',
    summary:
      'Record a payment: the same paymentId and body again is recorded once (200), a different body under a used paymentId is 409',
    roles: LENDER,
    request: PaymentSchema,
    response: z.object({ created: z.boolean(), payment: StoredPaymentSchema }),
    async handle(deps, request) {
      const result = await recordPayment(deps, parseWith(PaymentSchema, request.body, 'payment'));
      return { status: result.created ? 201 : 200, body: result };
    },
  },
  {
    method: 'get',
    path: '/api/lender/accounts/{accountRef}/payments',
    summary: 'The account’s payments in the order received',
    roles: [...LENDER, 'agent', 'supervisor'],
    response: z.object({ payments: z.array(StoredPaymentSchema) }),
    async handle(deps, request) {
      return { body: { payments: await deps.payments.list(refOf(request)) } };
    },
  },
  {
    method: 'post',
    path: '/api/lender/outreach',
    summary:
      'Invitation links as outreach.requested events for the lender’s gateway; refused accounts answered with the reason',
    roles: LENDER,
    request: OutreachRequestSchema,
    response: OutreachResponseSchema,
    async handle(deps, request) {
      return { body: await startOutreach(deps, parseWith(OutreachRequestSchema, request.body, 'outreach request')) };
    },
  },
  {
    method: 'get',
    path: '/api/admin/webhooks/deliveries',
    summary:
      'Webhook deliveries that failed (still retrying), died (after 24 hours of retries) or were recently delivered',
    roles: ADMIN,
    request: DeliveriesQuerySchema,
    response: z.object({ deliveries: z.array(DeliveryRecordSchema) }),
    async handle(deps, request) {
      const query = parseWith(DeliveriesQuerySchema, request.query, 'query');
      return { body: { deliveries: await deps.outbox.list(query.status, query.limit) } };
    },
  },
  {
    method: 'post',
    path: '/api/admin/webhooks/deliveries/{id}/redeliver',
    summary: 'Send a dead event again (back at the front of its case’s events), or a failed one now',
    roles: ADMIN,
    response: z.object({ id: z.string(), redelivering: z.literal(true) }),
    async handle(deps, request) {
      const id = request.params.id ?? '';
      if (!(await deps.outbox.redeliver(id, deps.clock().getTime())))
        throw new HttpError(404, `no failed or dead delivery ${id}`);
      return { body: { id, redelivering: true } };
    },
  },
];
