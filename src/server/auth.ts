// Bearer tokens with roles for the agent, admin and product-owner APIs: 401 without a token, 403 for the wrong role.
import { timingSafeEqual, createHash } from 'node:crypto';
import type { Request } from 'restify';
import { z } from 'zod';
import { ConfigurationError, HttpError } from '../errors.js';

export const ROLES = ['agent', 'supervisor', 'admin', 'product_owner', 'lender'] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  id: string;
  name: string;
  role: Role;
}

interface TokenEntry extends Principal {
  digest: Buffer;
}

/** Demo tokens for development and tests only; production refuses to start without API_TOKENS. */
export const DEMO_TOKENS =
  'agent:agent-li:李客服:dev-agent-token;agent:agent-amy:Amy:dev-agent2-token;supervisor:sup-zhang:张主管:dev-supervisor-token;admin:admin:Admin:dev-admin-token;product_owner:po-chen:陈产品:dev-po-token;lender:loan-system:Loan system:dev-lender-token';

const EntrySchema = z.tuple([
  z.enum(ROLES),
  z.string().min(1),
  z.string().min(1),
  z.string().min(12, 'tokens need at least 12 characters'),
]);

export class TokenAuth {
  private readonly entries: TokenEntry[];

  constructor(spec: string) {
    this.entries = spec
      .split(';')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part, index) => {
        const parsed = EntrySchema.safeParse(part.split(':'));
        if (!parsed.success)
          throw new ConfigurationError(
            'XS_CONFIG_INVALID',
            `API_TOKENS entry ${index + 1}: expected role:id:Display Name:token with role one of ${ROLES.join(', ')} — ${parsed.error.issues[0]?.message}`,
          );
        const [role, id, name, token] = parsed.data;
        return { role, id, name, digest: digest(token) };
      });
  }

  static fromConfig(config: { API_TOKENS: string; NODE_ENV: string }): TokenAuth {
    if (config.API_TOKENS) return new TokenAuth(config.API_TOKENS);
    if (config.NODE_ENV === 'production')
      throw new ConfigurationError(
        'XS_CONFIG_INVALID',
        'API_TOKENS="": production needs its own tokens (role:id:Display Name:token;…)',
      );
    return new TokenAuth(DEMO_TOKENS);
  }

  /** The principal for a token; comparison is constant-time over every entry. */
  identify(token: string): Principal | undefined {
    const candidate = digest(token);
    let found: TokenEntry | undefined;
    for (const entry of this.entries) if (timingSafeEqual(entry.digest, candidate) && !found) found = entry;
    return found && { id: found.id, name: found.name, role: found.role };
  }

  /** Everyone holding one of these roles, without their tokens. */
  principals(roles: readonly Role[]): Principal[] {
    return this.entries.filter((entry) => roles.includes(entry.role)).map(({ id, name, role }) => ({ id, name, role }));
  }

  /** Throws 401 without a valid bearer token, 403 when its role is not among `roles`. */
  authorize(req: Request, roles: readonly Role[]): Principal {
    const header = req.header('authorization') ?? '';
    // Only the header: a token in a URL ends up in logs and Referer headers (the event stream checks its own).
    const token = /^Bearer\s+(.+)$/i.exec(header)?.[1];
    if (!token) throw new HttpError(401, 'a bearer token is required (Authorization: Bearer <token>)');
    const principal = this.identify(token.trim());
    if (!principal) throw new HttpError(401, 'unknown or revoked token');
    if (!roles.includes(principal.role))
      throw new HttpError(403, `role ${principal.role} may not do this (needs ${roles.join(' or ')})`);
    return principal;
  }
}

function digest(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}
