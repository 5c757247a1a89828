// The framework: the Bot Framework echo-bot sample (CloudAdapter on restify), replying to the local connector.
import restify from 'restify';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication, MessageFactory } from 'botbuilder';
import { InProcessChannels } from '../../src/bot/inProcessChannels.js';
import { ReusingAuthentication } from '../../src/bot/reusingAuthentication.js';
import { ServiceUrlPolicy } from '../../src/bot/serviceUrlPolicy.js';
import { serveToParent } from './childProtocol.js';

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      const replyText = `Echo: ${context.activity.text}`;
      await context.sendActivity(MessageFactory.text(replyText, replyText));
      await next();
    });
  }
}

// BENCH_REUSE_CLIENTS=1: the same bot with xieshang's ReusingAuthentication, to price per-turn client building.
const adapter = new CloudAdapter(
  process.env.BENCH_REUSE_CLIENTS === '1'
    ? new ReusingAuthentication(
        {},
        {
          channels: new InProcessChannels(),
          serviceUrls: new ServiceUrlPolicy({ extra: '', allowLoopback: true, inProcess: () => false }),
        },
      )
    : new ConfigurationBotFrameworkAuthentication({}),
);
adapter.onTurnError = async (context, error) => {
  process.stderr.write(`turn failed: ${String(error)}\n`);
  await context.sendActivity('The bot encountered an error.');
};
const bot = new EchoBot();
const server = restify.createServer({ name: 'framework', handleUncaughtExceptions: false });
server.use(restify.plugins.bodyParser());
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, (context) => bot.run(context));
});
serveToParent(server);
