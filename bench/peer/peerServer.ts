// The peer's index: env → adapter → turn-error handler → state over Redis → bot → restify route, as in the samples.
import { readFileSync } from 'node:fs';
import restify from 'restify';
import { Redis } from 'ioredis';
import {
  ActivityHandler,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConversationState,
  type StatePropertyAccessor,
} from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import { parseAccounts } from '../../src/domain/demoAccounts.js';
import { parseOfferPolicy } from '../../src/domain/offers/index.js';
import { serveToParent } from '../servers/childProtocol.js';
import { InterviewDialog } from './interviewDialog.js';
import { RedisStorage } from './redisStorage.js';

class DialogBot extends ActivityHandler {
  constructor(conversationState: ConversationState, dialog: InterviewDialog) {
    super();
    const dialogState: StatePropertyAccessor<DialogState> = conversationState.createProperty('DialogState');
    this.onMessage(async (context, next) => {
      await dialog.run(context, dialogState);
      await next();
    });
    this.onDialog(async (context, next) => {
      await conversationState.saveChanges(context, false);
      await next();
    });
  }
}

const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const storage = new RedisStorage(redis, process.env.PEER_KEY_PREFIX ?? 'peer:');
const conversationState = new ConversationState(storage);
const accounts = new Map(
  parseAccounts(readFileSync('dialogs/demo-accounts.yaml', 'utf8'), 'dialogs/demo-accounts.yaml').map((account) => [
    account.accountRef,
    account,
  ]),
);
const dialog = new InterviewDialog(
  accounts,
  parseOfferPolicy(readFileSync('dialogs/offer-policy.yaml', 'utf8'), 'dialogs/offer-policy.yaml'),
  storage,
);
const bot = new DialogBot(conversationState, dialog);

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
adapter.onTurnError = async (context, error) => {
  process.stderr.write(`[onTurnError] ${String(error)}\n`);
  await context.sendActivity('The bot encountered an error or bug.');
  await conversationState.delete(context);
};

const server = restify.createServer({ name: 'peer', handleUncaughtExceptions: false });
server.use(restify.plugins.bodyParser());
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, (context) => bot.run(context));
});
serveToParent(server, async () => {
  redis.disconnect();
});
