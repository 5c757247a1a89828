// Web chat over the self-hosted Direct Line: its bridge to the bot, its routes (conversations, invitations, the
// agreement page, the chat page) and its WebSocket streams, built once by the composition root.
import type { Server } from 'restify';
import type { Logger } from 'pino';
import type { Config } from '../../config.js';
import type { DialogRegistry } from '../../dialogs/dialogBundle.js';
import type { Account } from '../../domain/account.js';
import type { AccountDirectory } from '../../store/accountDirectory.js';
import type { CaseStore } from '../../store/caseStore.js';
import type { TokenAuth } from '../../server/auth.js';
import type { Edge } from '../../server/edge/edgeGuards.js';
import type { ConversationAdmission } from '../../server/limits/conversationAdmission.js';
import { caseIdFor } from '../../conversation/caseIdentity.js';
import { recheckIdentity } from '../../handoff/recheckIdentity.js';
import { chatPageRoutes } from '../../web/chat/chatPageRoutes.js';
import { agreementRoutes } from './agreementRoutes.js';
import { DIRECTLINE_CHANNEL } from './directLineActivities.js';
import { DirectLineBridge } from './directLineBridge.js';
import { directLineRoutes } from './directLineRoutes.js';
import type { DirectLineStore } from './directLineStore.js';
import { attachStream } from './directLineStream.js';
import { DirectLineTokens } from './directLineTokens.js';
import { inviteRoutes } from './inviteRoutes.js';
import { keepCaseVerified } from './keepVerified.js';

const KEEP_ALIVE_MS = 15_000;

export interface WebChatDeps {
  config: Config;
  logger: Logger;
  server: Server;
  edge: Edge;
  directLine: DirectLineStore;
  /** Hands a borrower's activity to the bot in this process. */
  deliver: ConstructorParameters<typeof DirectLineBridge>[0]['deliver'];
  store: CaseStore;
  accounts: AccountDirectory;
  dialogs: DialogRegistry;
  clock: () => Date;
  admission: ConversationAdmission;
  demoAccounts: readonly Account[];
  auth: TokenAuth;
}

export function webChatChannel(deps: WebChatDeps) {
  const {
    config,
    logger,
    server,
    edge,
    directLine,
    deliver,
    store,
    accounts,
    dialogs,
    clock,
    admission,
    demoAccounts,
    auth,
  } = deps;
  const directLineLog = logger.child({ component: 'directline' });
  const tokens = DirectLineTokens.fromConfig(config, (message) => directLineLog.warn(message));
  const bridge = new DirectLineBridge({
    store: directLine,
    tokens,
    accounts,
    deliver,
    clock: () => new Date(),
    logger: directLineLog,
    recheckIdentity: async (conversationId) =>
      (await recheckIdentity({ store, dialogs, clock }, caseIdFor(DIRECTLINE_CHANNEL, conversationId))).map(
        (reply) => ({ ...reply }),
      ),
    identityVerified: async (conversationId) =>
      (await store.load(caseIdFor(DIRECTLINE_CHANNEL, conversationId))).record?.identityVerified === true,
    keepVerified: (conversationId) => keepCaseVerified(store, caseIdFor(DIRECTLINE_CHANNEL, conversationId)),
  });
  const publicUrl = config.PUBLIC_URL;
  const admit = (req: Parameters<Edge['clientOf']>[0]) => admission.admitClient(edge.clientOf(req));
  // The token counted the conversation against the address; the posted activities still count identity answers.
  const fromClient = <T>(req: Parameters<Edge['clientOf']>[0], conversationId: string, run: () => Promise<T>) =>
    admission.fromClient(edge.clientOf(req), { channelId: DIRECTLINE_CHANNEL, conversationId }, run, true);
  directLineRoutes(server, {
    bridge,
    store: directLine,
    tokens,
    publicUrl,
    logger: directLineLog,
    admit,
    fromClient,
    maxActivityBytes: config.DIRECTLINE_MAX_ACTIVITY_BYTES,
  });
  agreementRoutes(server, {
    bridge,
    tokens,
    store,
    dialogs,
    accounts,
    retentionDays: config.RETENTION_DAYS,
    publicUrl,
    logger: directLineLog,
  });
  inviteRoutes(server, {
    tokens,
    accounts,
    demoAccounts,
    auth,
    publicUrl,
    inviteTtlSeconds: config.INVITE_TTL_HOURS * 3600,
    production: config.NODE_ENV === 'production',
    logger: directLineLog,
  });
  chatPageRoutes(server);
  // Open streams would keep the server from closing: the caller closes them before it.
  const streams = attachStream(edge.upgrades, {
    store: directLine,
    tokens,
    logger: directLineLog,
    keepAliveMs: KEEP_ALIVE_MS,
  });
  return { tokens, bridge, streams };
}
