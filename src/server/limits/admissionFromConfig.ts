// The per-client and per-user limits on new conversations, identity answers and requests for a person, from config.
import type { Config } from '../../config.js';
import type { RateLimits } from '../../store/rateLimits.js';
import type { Edge } from '../edge/edgeGuards.js';
import { ConversationAdmission } from './conversationAdmission.js';

export function conversationAdmission(
  config: Config,
  limits: RateLimits,
  edge: Pick<Edge, 'exempt'>,
): ConversationAdmission {
  const identityAttempts = { points: config.IDENTITY_ATTEMPTS_PER_MINUTE, seconds: 60 };
  return new ConversationAdmission({
    perClient: limits.define(
      'conversations-per-client',
      config.RATE_LIMIT_CONVERSATIONS_PER_CLIENT,
      'new conversations from this address',
    ),
    perUser: limits.define(
      'conversations-per-user',
      config.RATE_LIMIT_CONVERSATIONS_PER_USER,
      'new conversations for this user',
    ),
    identityPerClient: limits.define(
      'identity-attempts-per-client',
      identityAttempts,
      'identity answers from this address',
    ),
    identityPerUser: limits.define('identity-attempts-per-user', identityAttempts, 'identity answers from this user'),
    escalationsPerClient: limits.define(
      'escalations-per-client',
      config.RATE_LIMIT_ESCALATIONS_PER_CLIENT,
      'requests for a person from this address',
    ),
    escalationsPerUser: limits.define(
      'escalations-per-user',
      config.RATE_LIMIT_ESCALATIONS_PER_CLIENT,
      'requests for a person from this user',
    ),
    exempt: (address) => edge.exempt.has(address),
  });
}
