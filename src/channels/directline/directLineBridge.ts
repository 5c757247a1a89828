// The Direct Line conversation logic: tokens, start, the borrower's posts to the bot, the bot's replies to the log.
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { HttpError } from '../../errors.js';
import type { AccountDirectory } from '../../store/accountDirectory.js';
import {
  BOT_ACCOUNT,
  BotActivitySchema,
  DIRECTLINE_CHANNEL,
  DIRECTLINE_SERVICE_URL,
  fromBorrower,
  fromBot,
  parseBody,
  type ClientActivitySchema,
} from './directLineActivities.js';
import type { ConversationRecord, DirectLineStore } from './directLineStore.js';
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
}

export type ConversationAnswer = IssuedToken & { conversationId: string };

export class DirectLineBridge {
  constructor(private readonly deps: BridgeDeps) {}

  /** tokens/generate: a new conversation, bound to the invitation's account when one is given. */
  async generate(request: { invite?: string | undefined; locale?: string | undefined }): Promise<ConversationAnswer> {
    const conversationId = randomBytes(16).toString('base64url');
    const record: ConversationRecord = {
      conversationId,
      userId: `dl_${randomBytes(12).toString('base64url')}`,
      createdAt: this.deps.clock().toISOString(),
      ...(request.locale ? { locale: request.locale } : {}),
    };
    if (request.invite) record.accountRef = await this.useInvite(request.invite, conversationId);
    await this.deps.store.saveConversation(record);
    return { conversationId, ...(await this.deps.tokens.conversationToken(conversationId, record.userId)) };
  }

  async refresh(claims: ConversationClaims): Promise<ConversationAnswer> {
    return { conversationId: claims.conv, ...(await this.deps.tokens.conversationToken(claims.conv, claims.user)) };
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

  /** POST /activities: echo the borrower's activity to the conversation (with its id), then run the bot's turn. */
  async post(record: ConversationRecord, posted: z.infer<typeof ClientActivitySchema>): Promise<string> {
    const activity = fromBorrower(posted, record.conversationId, record.userId, this.deps.clock());
    const id = await this.deps.store.append(record.conversationId, activity);
    await this.toBot(record, { ...activity, id });
    return id;
  }

  /** The bot's reply (a function call from its connector): stored and pushed to every reader. */
  async fromBot(conversationId: string, sent: Record<string, unknown>): Promise<string> {
    if (!(await this.deps.store.conversation(conversationId)))
      throw new HttpError(404, `conversation ${conversationId} does not exist or has expired`);
    return this.deps.store.append(
      conversationId,
      fromBot(parseBody(BotActivitySchema, sent, 'Activity'), conversationId, this.deps.clock()),
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

  private async useInvite(invite: string, conversationId: string): Promise<string> {
    const claims = await this.deps.tokens.verifyInvite(invite);
    if (!(await this.deps.accounts.byReference(claims.acct)))
      throw new HttpError(404, 'the case of this invitation no longer exists; please ask for a new link');
    const ttlSeconds = Math.max(60, claims.exp - Math.floor(this.deps.clock().getTime() / 1000));
    const owner = await this.deps.store.claimInvite(claims.jti, conversationId, ttlSeconds);
    if (owner !== conversationId)
      throw new HttpError(
        409,
        'this invitation link has already been used for a conversation; please ask for a new link',
      );
    return claims.acct;
  }
}
