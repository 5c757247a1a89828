// The composition root: config → stores → dialogs → adapter → borrower line → desk → bot → routes, each built once.
import type { Server } from 'restify';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import type { DialogRegistry } from './dialogs/dialogBundle.js';
import { openFlows, type Flows } from './dialogs/versions/openFlows.js';
import type { AccountDirectory } from './store/accountDirectory.js';
import { seedDemoAccounts } from './lender/accounts/demoSeed.js';
import { outboxingCaseStore } from './lender/events/outboxingCaseStore.js';
import { WebhookDispatcher } from './lender/webhooks/webhookDispatcher.js';
import { WebhookSender } from './lender/webhooks/webhookSender.js';
import { lenderRoutes, RAW_BODY_PATHS } from './server/routes/lenderRoutes.js';
import { makeInvite } from './channels/directline/inviteRoutes.js';
import type { CaseStore, HandoffQueue } from './store/caseStore.js';
import { openStores, type Stores } from './store/openStores.js';
import { BotOnDemand } from './bot/botOnDemand.js';
import { supportedLocale } from './bot/activitySchema.js';
import type { BotDeps } from './bot/negotiationBot.js';
import type { DeskDeps } from './handoff/deskDeps.js';
import { AutoAssigner } from './handoff/autoAssign.js';
import { DeskLink } from './handoff/deskLink.js';
import { IndexingCaseEvents } from './handoff/indexingCaseEvents.js';
import { Presence } from './handoff/presence.js';
import { DIRECTLINE_SERVICE_URL } from './channels/directline/directLineActivities.js';
import { webChatChannel } from './channels/directline/webChatChannel.js';
import { conversationAdmission } from './server/limits/admissionFromConfig.js';
import { createServer } from './server/createServer.js';
import { refuseUnsafeProduction } from './productionRefusals.js';
import { InProcessChannels } from './bot/inProcessChannels.js';
import { ServiceUrlPolicy } from './bot/serviceUrlPolicy.js';
import { messagesRoute } from './server/routes/messages.js';
import { healthRoutes } from './server/routes/health.js';
import { TokenAuth } from './server/auth.js';
import { adminCaseRoutes } from './server/routes/adminCases.js';
import { adminClockRoutes } from './server/routes/adminClock.js';
import { PlanFollowUp } from './followup/planFollowUp.js';
import { caseRetention } from './store/caseRetention.js';
import { accountFreeSnapshots } from './store/accountFreeSnapshots.js';
import { compactOfferSnapshots } from './store/compactOfferSnapshots.js';
import { sweepQueue, sweepQueuePeriodically, type SweepResult } from './handoff/queueSweep.js';
import { flowsRoutes } from './server/routes/flows.js';
import { agentRoutes } from './server/routes/agentRoutes.js';
import { DESK_ROLES } from './server/routes/agentApi.js';
import { ServiceMetrics } from './metrics/serviceMetrics.js';
import { meteredCaseStore } from './store/meteredCaseStore.js';
import { metricsRoute } from './server/routes/metrics.js';

export interface App {
  server: Server;
  stores: Stores;
  store: CaseStore;
  queue: HandoffQueue;
  dialogs: DialogRegistry;
  /** Flow versions (reload) and the funnel counts. */
  flows: Flows;
  accounts: AccountDirectory;
  /** Prometheus metrics of this process (GET /metrics). */
  metrics: ServiceMetrics;
  /** Delivers lender events as webhooks; undefined without WEBHOOK_URL (events then wait in the outbox). */
  dispatcher: WebhookDispatcher | undefined;
  /** Follows agreed plans: due jobs, payments, proactive messages. */
  followUp: PlanFollowUp;
  /** Loads what start-up leaves out (botbuilder): main.ts calls it once listening; a turn that comes first loads it. */
  warmUp(): Promise<void>;
  /** Queues again every case waiting for a person that the queue lacks (also run every QUEUE_SWEEP_MS). */
  sweepQueue(): Promise<SweepResult>;
  /** Closes everything built here, in the reverse order of building. */
  close(): Promise<void>;
}

export interface AppOverrides {
  clock?: () => Date;
  stores?: Stores;
}

/** Something built here that holds a resource until closed. */
interface Closable {
  close(): void | Promise<void>;
}

/** A well-formed secret for the sender that is never used (no WEBHOOK_URL, no dispatcher). */
const WHSEC_UNUSED = `whsec_${Buffer.alloc(24).toString('base64')}`;
/** How often every instance reconciles the agent queue with the cases waiting for a person. */
const QUEUE_SWEEP_MS = 60_000;

export async function buildApp(config: Config, logger: Logger, overrides: AppOverrides = {}): Promise<App> {
  refuseUnsafeProduction(config);
  const closables: Closable[] = [];
  // Retention by state: the open states' numbers come from the offer policy, read when a case is saved (dialogs load below).
  const retention = caseRetention(() => ({
    ...flows.dialogs.current().policy.retention,
    endedDays: config.RETENTION_DAYS,
  }));
  const stores = overrides.stores ?? (await openStores(config, logger, retention));
  closables.push(stores);
  // The service's time: the test clock (shared by every instance through the store) moves it outside production.
  const clock = overrides.clock ?? (() => stores.clock.now());
  // Serve once Redis answers; if it does not yet, start anyway: /readyz and 503s say so until it does.
  await stores
    .whenReady(5_000)
    .catch((error: unknown) => logger.warn({ err: error }, 'starting before Redis is ready'));
  const { accounts } = stores;
  const demoAccounts = await seedDemoAccounts(stores, config);
  const metrics = new ServiceMetrics({ clock });
  const { queue } = stores;
  metrics.watchQueue(queue);
  metrics.watchOutbox(stores.outbox);
  metrics.watchDueJobs(stores.scheduler);
  const dispatcher =
    config.WEBHOOK_URL && config.WEBHOOK_SECRET
      ? new WebhookDispatcher({
          outbox: stores.outbox,
          send: (event) => sender.send(event),
          clock,
          logger: logger.child({ component: 'webhooks' }),
          contacts: stores.contacts,
          undelivered: (record) => metrics.webhookDeliveryFailures.inc({ outcome: record.status }),
        })
      : undefined;
  const sender = new WebhookSender({ url: config.WEBHOOK_URL ?? '', secret: config.WEBHOOK_SECRET ?? WHSEC_UNUSED });
  if (!dispatcher) logger.warn('WEBHOOK_URL is empty: lender events wait in the outbox until it is set');
  // Everything that turns or edits cases goes through the metered store, which writes the lender events of each
  // commit into the case's outbox in the same atomic step, and saves snapshots without the account (personal data
  // stays in the account directory, read back on load) and offers without their payment schedules (rebuilt on load
  // from their recipe); App.store stays the store itself.
  const store = outboxingCaseStore(
    meteredCaseStore(accountFreeSnapshots(compactOfferSnapshots(stores.store), accounts), metrics),
    {
      outbox: stores.outbox,
      contacts: stores.contacts,
      clock,
      committed: () => dispatcher?.wakeUp(),
    },
  );

  const flows = await openFlows(config, stores, logger);
  closables.push(flows);
  const { dialogs } = flows;

  const { server, edge } = createServer({
    maxBodyBytes: config.MAX_BODY_BYTES,
    edge: config,
    logger,
    rawBodyPaths: RAW_BODY_PATHS,
  });
  closables.push({ close: () => new Promise<void>((resolve) => server.close(() => resolve())) });
  const admission = conversationAdmission(config, stores.rateLimits, edge);

  const channels = new InProcessChannels();
  const serviceUrls = new ServiceUrlPolicy({
    extra: config.ALLOWED_SERVICE_URLS,
    allowLoopback: config.NODE_ENV !== 'production',
    inProcess: (serviceUrl) => channels.find(serviceUrl) !== undefined,
  });
  // The adapter and the bot are built by warmUp once the server listens, or by the first turn or message out if
  // sooner: see BotOnDemand. Their dependencies (botDeps, the desk) are asked for then, once built below.
  const botOnDemand = new BotOnDemand({
    credentials: config,
    logger,
    apology: (context) => {
      const locale = supportedLocale(context.activity.locale) ?? 'zh-CN';
      return {
        type: 'message',
        text: dialogs.current().prompts[locale].get('common.apology') ?? 'Sorry, please try again.',
      };
    },
    routes: { channels, serviceUrls },
    turn: () => ({ deps: botDeps, desk: new DeskLink(desk, config.HANDOFF_MINUTES_PER_CASE) }),
  });
  const { line } = botOnDemand;
  const followUp = new PlanFollowUp({
    store,
    scheduler: stores.scheduler,
    clock: stores.clock,
    dialogs,
    accounts,
    line,
    logger: logger.child({ component: 'followup' }),
    metrics: flows.metrics,
  });
  const auth = TokenAuth.fromConfig(config);
  if (!config.API_TOKENS)
    logger.warn('API_TOKENS is empty: the demo tokens of README are accepted (never in production)');
  // Every published case event first updates the desk index (views and search).
  const events = new IndexingCaseEvents(stores.events, stores.deskIndex, store);
  const staff = auth.principals(DESK_ROLES);
  const desk: DeskDeps = {
    store,
    queue,
    events,
    index: stores.deskIndex,
    staff,
    presence: new Presence(),
    line,
    dialogs,
    payments: stores.payments,
    clock,
    logger: logger.child({ component: 'desk' }),
    followUp,
    flowMetrics: flows.metrics,
  };
  const botDeps: BotDeps = {
    store,
    identityFailures: stores.identityFailures,
    admitIdentityAnswer: (activity) => admission.admitIdentityAnswer(activity),
    accounts,
    dialogs,
    startingFlow: (caseId) => flows.experiments.startingFlow(caseId),
    metrics: flows.metrics,
    serviceMetrics: metrics,
    clock,
    logger,
    admitNewConversation: (activity) => admission.admitNewConversation(activity),
    admitEscalation: (activity) => admission.admitEscalation(activity),
    followUp,
    afterAgreement: (activity) => followUp.answer(activity),
  };
  closables.push(sweepQueuePeriodically(desk, QUEUE_SWEEP_MS, desk.logger));
  if (config.DESK_AUTO_ASSIGN === 'on') {
    const assigner = new AutoAssigner(desk, config.DESK_AGENT_CAPACITY);
    events.subscribe((event) => {
      if (event.type !== 'transcript.appended') void assigner.assign();
    });
    desk.presence.onOpen(() => void assigner.assign());
  }

  messagesRoute(server, {
    bot: botOnDemand,
    serviceUrls,
    admission,
    clientOf: edge.clientOf,
    authenticated: Boolean(config.MicrosoftAppId),
    logger,
  });
  healthRoutes(server, { store, version: () => dialogs.current().version });

  const directLine = stores.directLine;
  const { tokens, bridge, streams } = webChatChannel({
    config,
    logger,
    server,
    edge,
    directLine,
    deliver: (activity) => botOnDemand.handleInProcess(activity),
    store,
    accounts,
    dialogs,
    clock,
    admission,
    demoAccounts,
    auth,
  });
  const serviceHost = new URL(DIRECTLINE_SERVICE_URL).host;
  channels.register(
    (serviceUrl) => serviceUrl.protocol === 'https:' && serviceUrl.host === serviceHost,
    (conversationId, activity) => bridge.fromBot(conversationId, activity),
  );
  // Open streams would keep the server from closing: they are closed before it (closables run in reverse).
  closables.push(streams);

  adminCaseRoutes(server, { auth, store, queue, deskIndex: stores.deskIndex, directLine, logger });
  adminClockRoutes(server, {
    auth,
    clock: stores.clock,
    scheduler: stores.scheduler,
    production: config.NODE_ENV === 'production',
    logger,
  });
  followUp.start();
  metricsRoute(server, { metrics, auth, metricsToken: config.METRICS_TOKEN, logger });
  flowsRoutes(server, { flows, auth, logger, clock, demoAccounts });
  closables.push(agentRoutes(server, { deps: desk, auth, logger }));
  const inviteBase = (config.PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/+$/, '');
  lenderRoutes(server, {
    deps: {
      accounts,
      payments: stores.payments,
      contacts: stores.contacts,
      outbox: stores.outbox,
      store,
      clock,
      policy: () => dialogs.current().policy,
      invite: (accountRef) => makeInvite({ tokens, accounts }, accountRef, config.INVITE_TTL_HOURS * 3600, inviteBase),
      appended: () => dispatcher?.wakeUp(),
      planPayment: (caseId, payment) => followUp.paymentReceived(caseId, payment),
    },
    auth,
    logger: logger.child({ component: 'lender' }),
    importMaxBytes: config.IMPORT_MAX_BYTES,
  });
  if (dispatcher) {
    dispatcher.start();
    closables.push(dispatcher);
  }

  logger.info(
    { flowVersion: dialogs.current().version, demoAccounts: demoAccounts.length, store: stores.kind },
    'xieshang built',
  );
  return {
    server,
    stores,
    store: stores.store,
    queue,
    metrics,
    dispatcher,
    followUp,
    dialogs,
    flows,
    accounts,
    sweepQueue: () => sweepQueue(desk),
    warmUp: () => botOnDemand.warm(),
    async close() {
      for (const closable of closables.reverse()) await closable.close();
    },
  };
}
