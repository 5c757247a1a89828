// What production refuses to start with: the memory store, the demo accounts, guessable API tokens, an unauthenticated /api/messages.
import { basename } from 'node:path';
import { usesRedis, type Config } from './config.js';
import { ConfigurationError } from './errors.js';

/** An API token must carry at least this much entropy (estimated from its characters): 20 random base64url characters do. */
const MIN_TOKEN_BITS = 80;

/** Throws ConfigurationError listing every refusal; nothing is refused outside production. */
export function refuseUnsafeProduction(config: Config): void {
  if (config.NODE_ENV !== 'production') return;
  const problems: string[] = [];
  if (!usesRedis(config))
    problems.push(
      'the memory store keeps cases in one process and loses them on restart: set REDIS_URL (or REDIS_SENTINELS / REDIS_CLUSTER_NODES)',
    );
  if (basename(config.ACCOUNTS_FILE) === 'demo-accounts.yaml')
    problems.push(
      `ACCOUNTS_FILE=${JSON.stringify(config.ACCOUNTS_FILE)} is the demo borrowers file: point it at the lender's accounts`,
    );
  if (!config.MicrosoftAppId)
    problems.push(
      'MicrosoftAppId is empty: /api/messages must require Bot Framework authentication (set MicrosoftAppId and MicrosoftAppPassword; web chat does not need the public route)',
    );
  else if (config.MicrosoftAppType !== 'UserAssignedMSI' && !config.MicrosoftAppPassword)
    problems.push("MicrosoftAppPassword is empty: Bot Framework authentication needs the app's secret");
  for (const [index, entry] of config.API_TOKENS.split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .entries()) {
    const token = entry.split(':').slice(3).join(':');
    const bits = estimatedBits(token);
    if (bits < MIN_TOKEN_BITS)
      problems.push(
        `API_TOKENS entry ${index + 1}: its token is guessable (about ${Math.floor(bits)} bits; at least ${MIN_TOKEN_BITS}, e.g. \`openssl rand -base64 24\`)`,
      );
  }
  if (problems.length > 0)
    throw new ConfigurationError('XS_CONFIG_INVALID', `production refuses to start — ${problems.join('; ')}`);
}

/** Length × Shannon entropy of the token's own characters: `bbbbbbbbbbbb` has 0 bits, a random 32-character hex string about 128. */
export function estimatedBits(token: string): number {
  const counts = new Map<string, number>();
  for (const char of token) counts.set(char, (counts.get(char) ?? 0) + 1);
  const length = [...token].length;
  let perChar = 0;
  for (const count of counts.values()) perChar -= (count / length) * Math.log2(count / length);
  return perChar * length;
}
