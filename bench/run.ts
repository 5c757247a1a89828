// `npm run bench`: starts every server it measures on loopback, drives it, stops it, prints and saves the table.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { closedLoop, failures, openConversations, openLoop, type Target } from './load/loadRun.js';
import { MID_INTERVIEW_TURNS, NEGOTIATION_SCRIPT } from './load/negotiationScript.js';
import {
  commandCalls,
  commandsCalledIn,
  memoryPerCase,
  openBenchRedis,
  roundTripsBetween,
  type BenchRedis,
} from './measure/redisServer.js';
import { timeOffers } from './measure/offerTiming.js';
import { dueJobsPerMinute } from './measure/dueJobs.js';
import { readOptions, USAGE, type BenchOptions, type RowName } from './options.js';
import { renderReport, type Extras, type Header, type RowResult } from './report.js';
import { startRow, usesRedis } from './rows.js';
import { startChild, type RunningChild } from './servers/startChild.js';
import { startCompiled } from './servers/compiledService.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESULTS = fileURLToPath(new URL('./results/', import.meta.url));
const ACTIVE_CONNECTIONS = 50;
const log = (message: string) => process.stderr.write(`bench: ${message}\n`);

function versions(redisVersion: string): Record<string, string> {
  const require = createRequire(import.meta.url);
  const version = (name: string) => (require(`${name}/package.json`) as { version: string }).version;
  return {
    node: process.versions.node,
    botbuilder: version('botbuilder'),
    'botbuilder-dialogs': version('botbuilder-dialogs'),
    restify: version('restify'),
    xstate: version('xstate'),
    ioredis: version('ioredis'),
    redis: redisVersion,
  };
}

async function measureRow(
  row: RowName,
  options: BenchOptions,
  connector: RunningChild,
  redis: BenchRedis | undefined,
  scriptCommands: (row: RowName) => Set<string>,
): Promise<{ result: RowResult; redisPrefix?: string }> {
  const nodeArgs = options.profile.includes(row)
    ? // One folder per run of a row: the main thread and the TypeScript loader's thread each write their own profile.
      ['--cpu-prof', `--cpu-prof-dir=${RESULTS}profiles/${row}-${Date.now()}`]
    : [];
  const server = await startRow(row, redis?.url, nodeArgs);
  const target: Target = { url: server.child.url, serviceUrl: connector.url, script: NEGOTIATION_SCRIPT };
  const timing = { warmupMs: options.warmupMs, durationMs: options.durationMs };
  const result: RowResult = { closed: new Map(), open: new Map() };
  try {
    for (const [index, connections] of options.connections.entries()) {
      const measureRedis = redis && usesRedis(row) && index === 0;
      const stats = await server.child.stats();
      const cpuBefore = await server.child.cpuMicros();
      const before = measureRedis
        ? { calls: await commandCalls(redis.client), store: stats.counters.storeRoundTrips }
        : undefined;
      const closed = await closedLoop(target, connections, timing);
      result.closed.set(connections, closed);
      if (index === 0) result.cpuMsPerTurn = ((await server.child.cpuMicros()) - cpuBefore) / closed.allTurns / 1000;
      log(`${row} closed ${connections}: ${Math.round(closed.turnsPerSecond)} turns/s, ${closed.errors} errors`);
      if (measureRedis && before) {
        // Every turn of the cell, warm-up and tail included, since INFO cannot tell them apart.
        const all = closed.allTurns;
        const after = {
          calls: await commandCalls(redis.client),
          store: (await server.child.stats()).counters.storeRoundTrips,
        };
        const delta = roundTripsBetween(before.calls, after.calls, scriptCommands(row));
        log(
          `${row} Redis commands sent per turn: ${[...delta.sent].map(([name, calls]) => `${name} ${(calls / all).toFixed(2)}`).join(', ')}`,
        );
        result.redis = {
          roundTripsPerTurn: delta.roundTrips / all,
          commandsPerTurn: delta.commands / all,
          ...(after.store !== undefined && before.store !== undefined
            ? { storeRoundTripsPerTurn: (after.store - before.store) / all }
            : {}),
        };
      }
    }
    for (const rate of options.rates) {
      const open = await openLoop(target, rate, { ...timing, thinkMs: options.thinkMs });
      result.open.set(rate, open);
      log(
        `${row} open ${rate}/s: p99 ${open.latency.p99Ms.toFixed(1)} ms, ${open.errors} errors, ${Math.round(open.turnsPerSecond)} turns/s done`,
      );
    }
  } finally {
    await server.child.stop();
  }
  return { result, ...(server.redisPrefix ? { redisPrefix: server.redisPrefix } : {}) };
}

async function activeConversationsRss(options: BenchOptions, connector: RunningChild): Promise<Extras['rss']> {
  const server = await startRow('xieshang-memory', undefined, []);
  try {
    const baseline = await server.child.stats();
    const target: Target = { url: server.child.url, serviceUrl: connector.url, script: NEGOTIATION_SCRIPT };
    const { errors } = await openConversations(
      target,
      options.activeConversations,
      MID_INTERVIEW_TURNS,
      ACTIVE_CONNECTIONS,
    );
    const loaded = await server.child.stats();
    return {
      conversations: options.activeConversations,
      rssBytes: loaded.rssBytes,
      heapUsedBytes: loaded.heapUsedBytes,
      baselineRssBytes: baseline.rssBytes,
      errors,
    };
  } finally {
    await server.child.stop();
  }
}

/** Cold start (spawn to /readyz 200) and RSS one second later of the compiled service on the memory store; median of 3. */
async function compiledStartup(): Promise<Extras['startup']> {
  const runs: { coldStartMs: number; coldStartCpuMs: number; idleRssBytes: number }[] = [];
  for (let run = 0; run < 3; run++) {
    const service = await startCompiled('startup', {});
    try {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      runs.push({
        coldStartMs: service.coldStartMs,
        coldStartCpuMs: service.coldStartCpuMs,
        idleRssBytes: (await service.stats()).rssBytes,
      });
    } finally {
      await service.stop();
    }
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return {
    coldStartMs: median(runs.map((r) => r.coldStartMs)),
    coldStartCpuMs: median(runs.map((r) => r.coldStartCpuMs)),
    idleRssBytes: median(runs.map((r) => r.idleRssBytes)),
  };
}

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2));
  const extras: Extras = {};
  // The xieshang rows and the start-up figures run the compiled dist/: built first when missing or stale (as `npm start`).
  if (options.only.some((row) => row.startsWith('xieshang')) || !options.skipExtras)
    execFileSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { cwd: ROOT, stdio: 'inherit' });
  if (!options.skipExtras) {
    log('offers micro-benchmark');
    extras.offers = timeOffers();
    log('cold start and idle RSS of the compiled service');
    extras.startup = await compiledStartup();
  }
  const measuresDueJobs = options.dueJobs > 0 && !options.skipExtras;
  const needsRedis = options.only.some(usesRedis) || measuresDueJobs;
  const redis = needsRedis ? await openBenchRedis(options.redisUrl) : undefined;
  const connector = await startChild('connector', './connector.ts');
  // Each row's own Lua: a command it sends directly may run inside the other row's scripts (HMGET does).
  const scriptCommands = (row: RowName) =>
    commandsCalledIn(
      readFileSync(row === 'peer' ? `${ROOT}bench/peer/redisStorage.ts` : `${ROOT}src/store/redis/scripts.ts`, 'utf8'),
    );
  const rows = new Map<RowName, RowResult>();
  const redisVersion = redis ? (/redis_version:(\S+)/.exec(await redis.client.info('server'))?.[1] ?? '?') : 'not used';
  try {
    for (const row of options.only) {
      log(`${row}: starting`);
      const { result, redisPrefix } = await measureRow(row, options, connector, redis, scriptCommands);
      rows.set(row, result);
      if (row === 'xieshang-redis' && redis && redisPrefix && !options.skipExtras)
        extras.redisMemory = await memoryPerCase(redis.client, redisPrefix);
    }
    if (redis && measuresDueJobs) {
      log(`due jobs: ${options.dueJobs} plan jobs due at once, two instances' workers`);
      extras.dueJobs = await dueJobsPerMinute(redis.url, options.dueJobs);
    }
    if (options.only.includes('xieshang-memory') && options.activeConversations > 0 && !options.skipExtras) {
      log(`RSS with ${options.activeConversations} active conversations`);
      extras.rss = await activeConversationsRss(options, connector);
    }
  } finally {
    await connector.stop();
    await redis?.stop();
  }
  const date = new Date().toISOString().slice(0, 10);
  const header: Header = {
    date,
    versions: versions(redisVersion),
    cpus: `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}`,
    durationS: options.durationMs / 1000,
    warmupS: options.warmupMs / 1000,
    redis: redis ? (redis.private ? 'private redis-server on loopback' : redis.url) : 'not used',
  };
  if (failures.size > 0)
    log(`failed turns by cause: ${[...failures].map(([cause, count]) => `${cause} ×${count}`).join(', ')}`);
  if (options.json) {
    writeFileSync(options.json, JSON.stringify(asJson(rows, extras), null, 2));
    log(`written to ${options.json}`);
    return;
  }
  const report = renderReport(header, rows, extras, options.connections, options.rates);
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(`${RESULTS}${date}.md`, report);
  process.stdout.write(report);
  log(`written to bench/results/${date}.md`);
}

function asJson(rows: Map<RowName, RowResult>, extras: Extras) {
  const cells = (cellsOf: Map<number, unknown>) => Object.fromEntries(cellsOf);
  return {
    rows: Object.fromEntries(
      [...rows].map(([row, result]) => [
        row,
        {
          closed: cells(result.closed),
          open: cells(result.open),
          cpuMsPerTurn: result.cpuMsPerTurn,
          redis: result.redis,
        },
      ]),
    ),
    extras,
  };
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
  process.exit(1);
});
