// The Direct Line conversation logic: tokens, start, the borrower's posts to the bot, the bot's replies to the log.
import { createHash, randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { HttpError } from '../../errors.js';
import type { AccountDirectory } from '../../store/accountDirectory.js';
import {
  BOT_ACCOUNT,
  BotActivitySchema,
  clientActivityIdOf,
  DIRECTLINE_CHANNEL,
  DIRECTLINE_SERVICE_URL,
  fromBorrower,
  fromBot,
  parseBody,
  type ClientActivitySchema,
} from './directLineActivities.js';
import type { ConversationRecord, DirectLineStore } from './directLineStore.js';
import { forDevice } from './deviceVisibility.js';
import type { ConversationClaims, DirectLineTokens, IssuedToken } from './directLineTokens.js';
import type { z } from 'zod';

export interface BridgeDeps {
  store: DirectLineStore;
  tokens: DirectLineTokens;
  accounts: AccountDirectory;
  /** Hands an Activity to the bot in this process (never through the public, authenticated /api/messages). */
  deliver: (activity: Record<string, unknown>) => Promise<void>;
  clock: () => Date;
  logger: Logger;
  /** A browser joined the conversation through its invitation: the case asks for the identity again; answers what the bot says. */
  recheckIdentity: (conversationId: string) => Promise<Array<Record<string, unknown>>>;
  /** Whether the conversation's case has passed the identity check (since the last device joined). */
  identityVerified: (conversationId: string) => Promise<boolean>;
  /**
   * A device that passed the check speaks while the case asks another device who it is: the case is verified again
   * for this message (a case past its negotiation; an active one keeps asking). Absent: the case asks everyone.
   */
  keepVerified?: (conversationId: string) => Promise<void>;
}

/** `resumed`: the invitation's conversation, joined again (the client reconnects to it rather than starting it). */
export type ConversationAnswer = IssuedToken & { conversationId: string; resumed?: true };

export interface GenerateRequest {
  invite?: string | undefined;
  locale?: string | undefined;
  /** A random key the browser keeps in its storage: the same key is the same device. */
  deviceKey?: string | undefined;
}

/** Browsers remembered per conversation (the oldest forgotten first: it then counts as a new device). */
const MAX_DEVICES = 8;

export class DirectLineBridge {
  /** Posts whose turn runs in this process, by activity id: the bot's replies to each go to its device. */
  private readonly answering = new Map<string, string>();

  constructor(private readonly deps: BridgeDeps) {}

  /**
   * tokens/generate: a new conversation, bound to the invitation's account when one is given. An invitation
   * used before brings the browser back to its conversation: the browser that opened it (same device key) reads
   * it all; another one reads only what comes after it joined, and the case asks for the identity again.
   */
  async generate(request: GenerateRequest): Promise<ConversationAnswer> {
    const conversationId = randomBytes(16).toString('base64url');
    const keyHash = request.deviceKey ? createHash('sha256').update(request.deviceKey).digest('base64url') : undefined;
    let accountRef: string | undefined;
    if (request.invite) {
      const invite = await this.inviteOf(request.invite);
      let owner = await this.deps.store.claimInvite(invite.jti, conversationId, invite.ttlSeconds);
      if (owner !== conversationId) {
        const existing = await this.deps.store.conversation(owner);
        if (existing) return this.rejoin(existing, keyHash);
        // The invitation's conversation was forgotten (idle): the link moves to this new one, which every later use joins.
        owner = await this.deps.store.rebindInvite(invite.jti, owner, conversationId, invite.ttlSeconds);
        const movedFirst = owner === conversationId ? undefined : await this.deps.store.conversation(owner);
        if (movedFirst) return this.rejoin(movedFirst, keyHash);
      }
      accountRef = invite.accountRef;
    }
    const record: ConversationRecord = {
      conversationId,
      userId: `dl_${randomBytes(12).toString('base64url')}`,
      createdAt: this.deps.clock().toISOString(),
      ...(request.locale ? { locale: request.locale } : {}),
      ...(accountRef ? { accountRef } : {}),
      ...(keyHash ? { devices: [{ keyHash, from: 0 }] } : {}),
    };
    await this.deps.store.saveConversation(record);
    return { conversationId, ...(await this.deps.tokens.conversationToken(conversationId, record.userId, 0, keyHash)) };
  }

  /** A browser without a device key is a new device each time: it gets a key of its own for this visit. */
  private async rejoin(record: ConversationRecord, keyHash: string | undefined): Promise<ConversationAnswer> {
    const { conversationId, userId } = record;
    const known = keyHash ? record.devices?.find((device) => device.keyHash === keyHash) : undefined;
    if (known)
      return {
        conversationId,
        resumed: true,
        ...(await this.deps.tokens.conversationToken(conversationId, userId, known.from, known.keyHash)),
      };
    const from = await this.logLength(conversationId);
    const device = { keyHash: keyHash ?? randomBytes(24).toString('base64url'), from, verified: false };
    await this.deps.store.saveConversation({
      ...record,
      devices: [...(record.devices ?? []), device].slice(-MAX_DEVICES),
    });
    await this.askIdentity(conversationId, device.keyHash);
    return {
      conversationId,
      resumed: true,
      ...(await this.deps.tokens.conversationToken(conversationId, userId, from, device.keyHash)),
    };
  }

  /**
   * Whether the browser of these claims may be shown the case: the case passed the identity check, and the
   * browser either started the conversation or passed the check itself after it joined.
   */
  async deviceVerified(claims: ConversationClaims, record: ConversationRecord): Promise<boolean> {
    const device = claims.dev ? record.devices?.find((known) => known.keyHash === claims.dev) : undefined;
    // Passed the check on its own answer: another device joining later does not take that back.
    if (device?.verified === true) return true;
    const ownCheck = claims.dev ? device !== undefined && device.verified !== false : (claims.from ?? 0) === 0;
    return ownCheck && (await this.deps.identityVerified(record.conversationId));
  }

  private async logLength(conversationId: string): Promise<number> {
    let watermark = 0;
    for (;;) {
      const page = await this.deps.store.since(conversationId, watermark);
      if (page.activities.length === 0) return watermark;
      watermark = Number(page.watermark);
    }
  }

  async refresh(claims: ConversationClaims): Promise<ConversationAnswer> {
    return {
      conversationId: claims.conv,
      ...(await this.deps.tokens.conversationToken(claims.conv, claims.user, claims.from, claims.dev)),
    };
  }

  /** The conversation a token may use; 403 for a token of another conversation, 404 for one that is gone. */
  async conversationFor(claims: ConversationClaims, conversationId = claims.conv): Promise<ConversationRecord> {
    if (conversationId !== claims.conv) throw new HttpError(403, 'this token belongs to another conversation');
    const record = await this.deps.store.conversation(conversationId);
    if (!record) throw new HttpError(404, `conversation ${conversationId} does not exist or has expired`);
    return record;
  }

  /** POST /conversations: the first call tells the bot a borrower joined, so it greets them. */
  async start(record: ConversationRecord, locale: string | undefined): Promise<void> {
    if (!(await this.deps.store.markStarted(record.conversationId))) return;
    const started = locale && !record.locale ? { ...record, locale } : record;
    if (started !== record) await this.deps.store.saveConversation(started);
    const joined = {
      type: 'conversationUpdate',
      id: `${record.conversationId}|start`,
      membersAdded: [{ id: record.userId }],
      ...(started.locale ? { locale: started.locale } : {}),
    };
    await this.toBot(started, joined).catch((error: unknown) =>
      this.deps.logger.warn(
        { err: error, conversationId: record.conversationId },
        'the bot could not greet a new web chat',
      ),
    );
  }

  /**
   * POST /activities: echo the borrower's activity to the conversation (with its id), then run the bot's turn.
   * A resend with the same `channelData.clientActivityID` (a client retrying after a network loss) is the same
   * activity: nothing is appended, and the bot gets the same id again, which it drops when it has seen it.
   */
  async post(
    record: ConversationRecord,
    posted: z.infer<typeof ClientActivitySchema>,
    device?: string,
  ): Promise<string> {
    const activity = forDevice(fromBorrower(posted, record.conversationId, record.userId, this.deps.clock()), device);
    const clientActivityId = clientActivityIdOf(posted);
    const id = clientActivityId
      ? (await this.deps.store.appendOnce(record.conversationId, clientActivityId, activity)).id
      : await this.deps.store.append(record.conversationId, activity);
    const known = device ? record.devices?.find((d) => d.keyHash === device) : undefined;
    let verifiedBefore =
      known?.verified === true || !known ? undefined : await this.deps.identityVerified(record.conversationId);
    if (known?.verified === false && verifiedBefore) {
      // Another device passed the check, not this one: the case asks again and reads this message as the answer.
      await this.deps.recheckIdentity(record.conversationId);
      verifiedBefore = false;
    }
    if (
      known?.verified === true &&
      this.deps.keepVerified &&
      !(await this.deps.identityVerified(record.conversationId))
    )
      await this.deps.keepVerified(record.conversationId);
    if (device) this.answering.set(id, device);
    try {
      await this.toBot(record, { ...activity, id });
    } finally {
      this.answering.delete(id);
    }
    // This browser's answer passed the identity check: it may now be shown the case (the agreement link too).
    if (known && verifiedBefore === false && (await this.deps.identityVerified(record.conversationId)))
      await this.markVerified(record, device);
    return id;
  }

  /** The case asks the identity questions again; only `device` reads them (the others are not asked to answer). */
  private async askIdentity(conversationId: string, device: string): Promise<void> {
    const replies = await this.deps.recheckIdentity(conversationId);
    for (const reply of replies) await this.fromBot(conversationId, { ...reply }, device);
  }

  private async markVerified(record: ConversationRecord, device: string | undefined): Promise<void> {
    const current = (await this.deps.store.conversation(record.conversationId)) ?? record;
    await this.deps.store.saveConversation({
      ...current,
      devices: current.devices?.map((known) => (known.keyHash === device ? { ...known, verified: true } : known)),
    });
  }

  /**
   * The bot's reply (a function call from its connector): stored and pushed to every reader allowed to see it. An
   * answer to a device's post is that device's (a device that has not passed the identity check sees only its own).
   */
  async fromBot(conversationId: string, sent: Record<string, unknown>, audience?: string): Promise<string> {
    if (!(await this.deps.store.conversation(conversationId)))
      throw new HttpError(404, `conversation ${conversationId} does not exist or has expired`);
    const device = audience ?? this.answering.get(String(sent.replyToId));
    return this.deps.store.append(
      conversationId,
      forDevice(fromBot(parseBody(BotActivitySchema, sent, 'Activity'), conversationId, this.deps.clock()), device),
    );
  }

  private async toBot(record: ConversationRecord, activity: Record<string, unknown>): Promise<void> {
    // Every instance learns the binding from the stored record, so the bot finds the account on any of them.
    if (record.accountRef)
      this.deps.accounts.bindChannelUser(`${DIRECTLINE_CHANNEL}:${record.userId}`, record.accountRef);
    await this.deps.deliver({
      ...activity,
      channelId: DIRECTLINE_CHANNEL,
      serviceUrl: DIRECTLINE_SERVICE_URL,
      conversation: { id: record.conversationId },
      from: { id: record.userId, role: 'user' },
      recipient: BOT_ACCOUNT,
      timestamp: this.deps.clock().toISOString(),
      ...(record.locale && !activity.locale ? { locale: record.locale } : {}),
    });
  }

  private async inviteOf(invite: string): Promise<{ jti: string; accountRef: string; ttlSeconds: number }> {
    const claims = await this.deps.tokens.verifyInvite(invite);
    if (!(await this.deps.accounts.byReference(claims.acct)))
      throw new HttpError(404, 'the case of this invitation no longer exists; please ask for a new link');
    const ttlSeconds = Math.max(60, claims.exp - Math.floor(this.deps.clock().getTime() / 1000));
    return { jti: claims.jti, accountRef: claims.acct, ttlSeconds };
  }
}
