// The only reader of process.env: one zod schema, and a clear message for every bad value.
import { z } from 'zod';
import { ConfigurationError } from './errors.js';

const port = z.coerce.number().int().min(0).max(65535);
const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);

export const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: port.default(3978),
  HOST: z.string().min(1).default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DIALOGS_DIR: z.string().min(1).default('dialogs'),
  ACCOUNTS_FILE: z.string().min(1).default('dialogs/demo-accounts.yaml'),
  MicrosoftAppId: z.string().default(''),
  MicrosoftAppPassword: z.string().default(''),
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  MicrosoftAppTenantId: z.string().default(''),
  REDIS_URL: z.preprocess(emptyAsUndefined, z.url({ protocol: /^rediss?$/, error: 'a redis:// or rediss:// URL' }).optional()),
  REDIS_SENTINELS: z.preprocess(emptyAsUndefined, z.string().regex(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, 'host:port,host:port').optional()),
  REDIS_SENTINEL_NAME: z.preprocess(emptyAsUndefined, z.string().optional()),
  REDIS_CLUSTER_NODES: z.preprocess(emptyAsUndefined, z.string().regex(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, 'host:port,host:port').optional()),
  REDIS_USERNAME: z.preprocess(emptyAsUndefined, z.string().optional()),
  REDIS_PASSWORD: z.preprocess(emptyAsUndefined, z.string().optional()),
  REDIS_KEY_PREFIX: z.string().regex(/^[^{}]*$/, 'no braces (they would break the {caseId} hash tags)').default('xs:'),
  /** Signs web chat (Direct Line) tokens and invitations; required in production, a logged development default elsewhere. */
  DIRECTLINE_SECRET: z.preprocess(emptyAsUndefined, z.string().min(32, 'at least 32 characters').optional()),
  /** The service's address as borrowers reach it (invitation links, streamUrl); empty = from the request's Host header. */
  PUBLIC_URL: z.preprocess(emptyAsUndefined, z.url({ protocol: /^https?$/, error: 'an http:// or https:// URL' }).optional()),
  INVITE_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(72),
  /** Reload dialogs/ when its files change (only after the check passes): auto = in development. */
  DIALOGS_WATCH: z.enum(['auto', 'on', 'off']).default('auto'),
  /** Minutes an agent needs per queued case: the borrower is told about position × this before a person joins. */
  HANDOFF_MINUTES_PER_CASE: z.coerce.number().min(0.5).max(240).default(5),
  /** `role:id:Display Name:token` entries separated by `;`. Empty outside production = the demo tokens in README. */
  API_TOKENS: z.string().default(''),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(10 * 1024 * 1024).default(256 * 1024),
  DEDUPE_TTL_SECONDS: z.coerce.number().int().min(60).default(24 * 3600),
  RETENTION_DAYS: z.coerce.number().int().min(1).default(730),
});
export type Config = z.infer<typeof ConfigSchema>;

/** True when any Redis setting is present: the service then keeps everything in Redis. */
export function usesRedis(config: Config): boolean {
  return Boolean(config.REDIS_URL || config.REDIS_SENTINELS || config.REDIS_CLUSTER_NODES);
}

/** Parses the environment; throws ConfigurationError naming each bad variable and what it expects. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const known = Object.fromEntries(Object.keys(ConfigSchema.shape).map((key) => [key, env[key]]));
  const parsed = ConfigSchema.safeParse(known);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const name = issue.path.join('.');
    return `${name}=${JSON.stringify(env[name] ?? '')}: ${issue.message}`;
  });
  throw new ConfigurationError('XS_CONFIG_INVALID', `invalid configuration — ${problems.join('; ')}`);
}
