// Signed tokens (HS256, jose): conversation tokens, stream tokens and invitations, each checked for its own use.
import { randomBytes, randomUUID } from 'node:crypto';
import { SignJWT, errors, jwtVerify } from 'jose';
import { z } from 'zod';
import { ConfigurationError, HttpError } from '../../errors.js';

/** Direct Line clients refresh at half this lifetime (botframework-directlinejs: every 15 minutes). */
export const CONVERSATION_TOKEN_SECONDS = 30 * 60;
const STREAM_TOKEN_SECONDS = 5 * 60;
const ISSUER = 'xieshang';

/**
 * `from`: the first watermark this browser may read (a device that joined later sees nothing said before);
 * `dev`: the hash of the browser's device key (the conversation's record says whether it passed the identity check).
 */
const ConversationClaims = z.object({
  scope: z.literal('conversation'),
  conv: z.string().min(1),
  user: z.string().min(1),
  from: z.number().int().min(0).optional(),
  dev: z.string().min(1).optional(),
});
const StreamClaims = z.object({
  scope: z.literal('stream'),
  conv: z.string().min(1),
  from: z.number().int().min(0).optional(),
  dev: z.string().min(1).optional(),
});
const InviteClaims = z.object({
  scope: z.literal('invite'),
  acct: z.string().min(1),
  jti: z.string().min(1),
  exp: z.number(),
});
const AgreementClaims = z.object({ scope: z.literal('agreement'), case: z.string().min(1) });
export type ConversationClaims = z.infer<typeof ConversationClaims>;
export type InviteClaims = z.infer<typeof InviteClaims>;

export interface IssuedToken {
  token: string;
  expires_in: number;
}

export class DirectLineTokens {
  private readonly key: Uint8Array;

  /** `maxInviteSeconds`: the oldest invitation accepted (INVITE_TTL_HOURS, or the longest a caller may ask for). */
  constructor(
    secret: string,
    private readonly maxInviteSeconds = 90 * 24 * 3600,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  /** DIRECTLINE_SECRET, or outside production a secret made for this start (`warn` says so once): links die with the process. */
  static fromConfig(
    config: { DIRECTLINE_SECRET?: string | undefined; NODE_ENV: string },
    warn: (message: string) => void,
  ): DirectLineTokens {
    if (config.DIRECTLINE_SECRET) return new DirectLineTokens(config.DIRECTLINE_SECRET);
    if (config.NODE_ENV === 'production')
      throw new ConfigurationError(
        'XS_CONFIG_INVALID',
        'DIRECTLINE_SECRET="": production needs its own signing secret for web chat tokens (32 characters or more)',
      );
    warn(
      'DIRECTLINE_SECRET is empty: web chat tokens and invitations are signed with a secret made for this start (they stop working on restart and across instances; never in production)',
    );
    return new DirectLineTokens(randomBytes(32).toString('base64url'));
  }

  async conversationToken(conv: string, user: string, from = 0, dev?: string): Promise<IssuedToken> {
    return {
      token: await this.sign(
        { scope: 'conversation', conv, user, ...(from ? { from } : {}), ...(dev ? { dev } : {}) },
        CONVERSATION_TOKEN_SECONDS,
      ),
      expires_in: CONVERSATION_TOKEN_SECONDS,
    };
  }

  /** `dev`: the browser's device (key hash), so the stream sends it only what it may read. */
  streamToken(conv: string, from = 0, dev?: string): Promise<string> {
    return this.sign(
      { scope: 'stream', conv, ...(from ? { from } : {}), ...(dev ? { dev } : {}) },
      STREAM_TOKEN_SECONDS,
    );
  }

  async invite(accountRef: string, ttlSeconds: number): Promise<{ invite: string; expiresAt: string }> {
    const invite = await new SignJWT({ scope: 'invite', acct: accountRef })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(ISSUER)
      .setJti(randomUUID())
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(this.key);
    return { invite, expiresAt: new Date(Date.now() + ttlSeconds * 1000).toISOString() };
  }

  /** The printable agreement's link: valid until `expiresAt` (the record's retention), for that case only. */
  agreementLink(caseId: string, expiresAt: Date): Promise<string> {
    return new SignJWT({ scope: 'agreement', case: caseId })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.key);
  }

  /** The case of an agreement link at most `maxAgeSeconds` old; 403 once expired, 401 when not ours. */
  async verifyAgreement(token: string, maxAgeSeconds: number): Promise<string> {
    const payload = await this.verify(token, 'agreement link', maxAgeSeconds);
    return claimsOf(AgreementClaims, payload, 'agreement link').case;
  }

  /** 401 for a token that is not ours, 403 for an expired one (Direct Line clients then refresh or give up). */
  async verifyConversation(token: string): Promise<ConversationClaims> {
    return claimsOf(
      ConversationClaims,
      await this.verify(token, 'conversation token', CONVERSATION_TOKEN_SECONDS),
      'conversation token',
    );
  }

  async verifyStream(token: string): Promise<z.infer<typeof StreamClaims>> {
    return claimsOf(StreamClaims, await this.verify(token, 'stream token', STREAM_TOKEN_SECONDS), 'stream token');
  }

  async verifyInvite(token: string): Promise<InviteClaims> {
    const payload = await this.verify(token, 'invitation', this.maxInviteSeconds).catch((error: unknown) => {
      if (error instanceof HttpError && error.status === 403)
        throw new HttpError(403, 'this invitation link has expired; please ask for a new one');
      throw new HttpError(400, 'this invitation link is not valid; please check it or ask for a new one');
    });
    return claimsOf(InviteClaims, payload, 'invitation', 400);
  }

  private sign(claims: Record<string, string | number>, seconds: number): Promise<string> {
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime(`${seconds}s`)
      .sign(this.key);
  }

  /** Every token must carry `iat` and `exp` and be at most `maxAgeSeconds` old, whatever its `exp` says. */
  private async verify(token: string, what: string, maxAgeSeconds: number): Promise<Record<string, unknown>> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: ISSUER,
        algorithms: ['HS256'],
        requiredClaims: ['iat', 'exp'],
        maxTokenAge: maxAgeSeconds,
      });
      return payload;
    } catch (error) {
      if (error instanceof errors.JWTExpired)
        throw new HttpError(403, `${what} expired; refresh it before it expires or start a new conversation`);
      throw new HttpError(401, `${what} is not valid`);
    }
  }
}

/** A token signed by us but made for another use (an invitation as a conversation token…) is refused too. */
function claimsOf<T>(schema: z.ZodType<T>, payload: Record<string, unknown>, what: string, status: 400 | 401 = 401): T {
  const parsed = schema.safeParse(payload);
  if (!parsed.success) throw new HttpError(status, `${what} is not valid`);
  return parsed.data;
}
