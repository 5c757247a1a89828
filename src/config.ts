// The only reader of process.env: one zod schema, and a clear message for every bad value.
import { z } from 'zod';
import { ConfigurationError } from './errors.js';
import { issueWhere } from './zodIssues.js';

const port = z.coerce.number().int().min(0).max(65535);
const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);
/** `points/seconds`, e.g. `30/600`: at most 30 in any 600 seconds. */
const rateLimit = z
  .string()
  .regex(/^\d{1,6}\/\d{1,7}$/, 'points/seconds, e.g. 30/600')
  .transform((spec) => {
    const [points, seconds] = spec.split('/').map(Number) as [number, number];
    return { points, seconds };
  });
const cidrList = z
  .string()
  .regex(
    /^$|^[0-9a-fA-F:.]+(\/\d{1,3})?(,\s*[0-9a-fA-F:.]+(\/\d{1,3})?)*$/,
    'comma-separated addresses or CIDRs, e.g. 10.0.0.0/8,::1',
  );

export const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: port.default(3978),
  /** Empty = 127.0.0.1 outside production, 0.0.0.0 in production (see hostOf). */
  HOST: z.string().default(''),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DIALOGS_DIR: z.string().min(1).default('dialogs'),
  /** Outside production: demo borrowers upserted into the account directory at start (empty = none); ignored in production. */
  ACCOUNTS_FILE: z.string().default('dialogs/demo-accounts.yaml'),
  /** Where lender events are POSTed as Standard Webhooks; empty = they wait in the outbox until it is set. */
  WEBHOOK_URL: z.preprocess(
    emptyAsUndefined,
    z.url({ protocol: /^https?$/, error: 'an http:// or https:// URL' }).optional(),
  ),
  /** The signing secret shared with the receiver, `whsec_` + base64 (24–64 random bytes). */
  WEBHOOK_SECRET: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^whsec_[A-Za-z0-9+/]{32,}={0,2}$/, 'whsec_ followed by base64 of at least 24 random bytes')
      .optional(),
  ),
  /** Largest body of POST /api/lender/accounts/import (NDJSON or CSV, up to 100 000 rows). */
  IMPORT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(512 * 1024 * 1024)
    .default(64 * 1024 * 1024),
  MicrosoftAppId: z.string().default(''),
  MicrosoftAppPassword: z.string().default(''),
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  MicrosoftAppTenantId: z.string().default(''),
  REDIS_URL: z.preprocess(
    emptyAsUndefined,
    z.url({ protocol: /^rediss?$/, error: 'a redis:// or rediss:// URL' }).optional(),
  ),
  REDIS_SENTINELS: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, 'host:port,host:port')
      .optional(),
  ),
  REDIS_SENTINEL_NAME: z.preprocess(emptyAsUndefined, z.string().optional()),
  REDIS_CLUSTER_NODES: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, 'host:port,host:port')
      .optional(),
  ),
  REDIS_USERNAME: z.preprocess(emptyAsUndefined, z.string().optional()),
  REDIS_PASSWORD: z.preprocess(emptyAsUndefined, z.string().optional()),
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[^{}]*$/, 'no braces (they would break the {caseId} hash tags)')
    .default('xs:'),
  /** Signs web chat (Direct Line) tokens and invitations; required in production, a logged development default elsewhere. */
  DIRECTLINE_SECRET: z.preprocess(emptyAsUndefined, z.string().min(32, 'at least 32 characters').optional()),
  /** The service's address as borrowers reach it (invitation links, streamUrl); empty = from the request's Host header. */
  PUBLIC_URL: z.preprocess(
    emptyAsUndefined,
    z.url({ protocol: /^https?$/, error: 'an http:// or https:// URL' }).optional(),
  ),
  INVITE_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(72),
  /** Reload dialogs/ when its files change (only after the check passes): auto = in development. */
  DIALOGS_WATCH: z.enum(['auto', 'on', 'off']).default('auto'),
  /** Minutes an agent needs per queued case: the borrower is told about position × this before a person joins. */
  HANDOFF_MINUTES_PER_CASE: z.coerce.number().min(0.5).max(240).default(5),
  /** Give queued cases to agents with a console open, round robin, instead of waiting for a manual claim. */
  DESK_AUTO_ASSIGN: z.enum(['on', 'off']).default('off'),
  /** With auto-assignment: the most cases one agent holds at once. */
  DESK_AGENT_CAPACITY: z.coerce.number().int().min(1).max(50).default(3),
  /** `role:id:Display Name:token` entries separated by `;`. Empty outside production = the demo tokens in README. */
  API_TOKENS: z.string().default(''),
  MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(10 * 1024 * 1024)
    .default(256 * 1024),
  DEDUPE_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .default(24 * 3600),
  /** Identity answers one channel user may give per minute, across conversations; more → 429 with Retry-After. */
  IDENTITY_ATTEMPTS_PER_MINUTE: z.coerce.number().int().min(1).max(1000).default(10),
  RETENTION_DAYS: z.coerce.number().int().min(1).default(730),
  /** A request body must arrive completely within this many ms (a dripping body is cut off with 408); also bounds headers and WebSocket handshakes. */
  BODY_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(15_000),
  /** Open TCP connections one client address may hold (RATE_LIMIT_EXEMPT and TRUST_PROXY addresses are not capped). */
  MAX_CONNECTIONS_PER_CLIENT: z.coerce.number().int().min(1).max(100_000).default(64),
  /** Proxies (addresses/CIDRs) whose X-Forwarded-For is believed; empty = the socket's address is the client. */
  TRUST_PROXY: cidrList.default(''),
  /** Client addresses/CIDRs exempt from the per-client limits (load tests, benchmarks); the per-account identity lock still applies. */
  RATE_LIMIT_EXEMPT: cidrList.default(''),
  /** New conversations (web chat tokens, and /api/messages conversations when Bot Framework auth is off) per client address. */
  RATE_LIMIT_CONVERSATIONS_PER_CLIENT: rateLimit.default({ points: 30, seconds: 600 }),
  /** New conversations on /api/messages per channel user (channel id + user id). */
  RATE_LIMIT_CONVERSATIONS_PER_USER: rateLimit.default({ points: 10, seconds: 600 }),
  /** Escalations to the agent queue per client address and per channel user (flooding the queue pushes real borrowers back). */
  RATE_LIMIT_ESCALATIONS_PER_CLIENT: rateLimit.default({ points: 10, seconds: 3600 }),
  /** Web chat (Direct Line) conversations are forgotten after this many hours without an activity. */
  DIRECTLINE_IDLE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(24),
  /** Largest activity (JSON bytes) a web chat client may post. */
  DIRECTLINE_MAX_ACTIVITY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(1024 * 1024)
    .default(16 * 1024),
  /** Extra serviceUrl prefixes the bot may reply to, comma-separated (the Bot Framework's own and the web chat's are always allowed). */
  ALLOWED_SERVICE_URLS: z.string().default(''),
  /** Worker processes sharing PORT (node:cluster): a number, or auto = one per core. More than 1 needs Redis. */
  WORKERS: z
    .union([z.literal('auto'), z.coerce.number().int().min(1).max(64)], { error: 'a number from 1 to 64, or auto' })
    .default(1),
  /** Bearer token for GET /metrics (besides an admin API token). */
  METRICS_TOKEN: z.preprocess(emptyAsUndefined, z.string().min(16, 'at least 16 characters').optional()),
  /** Serve /metrics without a token on this separate port (keep it off the public network); with WORKERS > 1, summed over workers. */
  METRICS_PORT: z.preprocess(emptyAsUndefined, port.optional()),
});
export type Config = z.infer<typeof ConfigSchema>;

const WebhookPairSchema = ConfigSchema.superRefine((config, context) => {
  if (config.WEBHOOK_URL && !config.WEBHOOK_SECRET)
    context.addIssue({ code: 'custom', path: ['WEBHOOK_SECRET'], message: 'required when WEBHOOK_URL is set' });
});

/** True when any Redis setting is present: the service then keeps everything in Redis. */
export function usesRedis(config: Config): boolean {
  return Boolean(config.REDIS_URL || config.REDIS_SENTINELS || config.REDIS_CLUSTER_NODES);
}

/** The address to listen on: HOST, or loopback outside production and every interface in production. */
export function hostOf(config: Config): string {
  return config.HOST || (config.NODE_ENV === 'production' ? '0.0.0.0' : '127.0.0.1');
}

/** Parses the environment; throws ConfigurationError naming each bad variable and what it expects. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const known = Object.fromEntries(Object.keys(ConfigSchema.shape).map((key) => [key, env[key]]));
  const parsed = WebhookPairSchema.safeParse(known);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const name = issueWhere(issue, '');
    return `${name}=${JSON.stringify(env[name] ?? '')}: ${issue.message}`;
  });
  throw new ConfigurationError('XS_CONFIG_INVALID', `invalid configuration — ${problems.join('; ')}`);
}
