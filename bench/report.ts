// Renders the run as markdown: the versions line, the load table, and each target met or not met.
import type { LoadResult } from './load/loadRun.js';
import type { RowName } from './options.js';
import { ROW_TITLES } from './rows.js';

export interface RowResult {
  closed: Map<number, LoadResult>;
  open: Map<number, LoadResult & { sent: number }>;
  /** Server CPU time per turn in the first closed-loop cell: steadier than turns/s on a busy machine. */
  cpuMsPerTurn?: number;
  redis?: { roundTripsPerTurn: number; commandsPerTurn: number; storeRoundTripsPerTurn?: number };
}

export interface Extras {
  offers?: { microsPerCase: number; cases: number };
  redisMemory?: {
    agreedBytes: number;
    agreedDeliveredBytes: number;
    agreedCases: number;
    allCasesBytes: number;
    allCases: number;
  };
  dueJobs?: { jobs: number; perMinute: number; missed: number; doubled: number; instances: number };
  /** The compiled service (WORKERS=1, memory store): spawn to /readyz 200, and RSS a second later. */
  startup?: { coldStartMs: number; coldStartCpuMs: number; idleRssBytes: number };
  rss?: { conversations: number; rssBytes: number; heapUsedBytes: number; baselineRssBytes: number; errors: number };
}

export interface Header {
  date: string;
  versions: Record<string, string>;
  cpus: string;
  durationS: number;
  warmupS: number;
  redis: string;
}

const n = (value: number, digits = 0) =>
  value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const ms = (value: number) => (value < 10 ? n(value, 1) : n(value));

function openCell(result: LoadResult & { sent: number }, rate: number): string {
  const { p50Ms, p99Ms, p999Ms } = result.latency;
  const achieved = result.turnsPerSecond < rate * 0.98 ? `, ${n(result.turnsPerSecond)}/s done` : '';
  return `${ms(p50Ms)} / ${ms(p99Ms)} / ${ms(p999Ms)} · ${result.errors} err${achieved}`;
}

export function renderTable(rows: Map<RowName, RowResult>, connections: number[], rates: number[]): string {
  const columns = [
    ...connections.map((c) => `closed ${c} conn (turns/s)`),
    ...rates.map((r) => `open ${n(r)}/s p50 / p99 / p99.9 ms · errors`),
    'server CPU ms / turn',
    'Redis round trips / turn',
  ];
  const lines = [`| | ${columns.join(' | ')} |`, `| --- | ${columns.map(() => '---:').join(' | ')} |`];
  for (const [row, result] of rows) {
    const cells = [
      ...connections.map((c) => {
        const r = result.closed.get(c);
        return r ? `${n(r.turnsPerSecond)}${r.errors ? ` (${r.errors} err)` : ''}` : '–';
      }),
      ...rates.map((rate) => {
        const r = result.open.get(rate);
        return r ? openCell(r, rate) : '–';
      }),
      result.cpuMsPerTurn === undefined ? '–' : n(result.cpuMsPerTurn, 2),
      result.redis ? n(result.redis.roundTripsPerTurn, 2) : '–',
    ];
    lines.push(`| ${ROW_TITLES[row]} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

interface Target {
  what: string;
  measured: string;
  met: boolean | undefined;
}

function best(result: RowResult | undefined): number | undefined {
  if (!result || result.closed.size === 0) return undefined;
  return Math.max(...[...result.closed.values()].map((r) => r.turnsPerSecond));
}

export function targets(rows: Map<RowName, RowResult>, extras: Extras): Target[] {
  const list: Target[] = [];
  const redisBest = best(rows.get('xieshang-redis'));
  const memoryBest = best(rows.get('xieshang-memory'));
  const frameworkBest = best(rows.get('framework'));
  const peerBest = best(rows.get('peer'));
  const ratio = (a?: number, b?: number) => (a !== undefined && b !== undefined ? a / b : undefined);
  const onRedisVsFramework = ratio(redisBest, frameworkBest);
  if (onRedisVsFramework !== undefined)
    list.push({
      what: 'closed loop: xieshang-redis ≥ 80% of framework (stretch 100%)',
      measured: `${n(onRedisVsFramework * 100)}% (memory store: ${n((ratio(memoryBest, frameworkBest) ?? 0) * 100)}%)`,
      met: onRedisVsFramework >= 0.8,
    });
  const onRedisVsPeer = ratio(redisBest, peerBest);
  if (onRedisVsPeer !== undefined)
    list.push({
      what: 'closed loop: xieshang-redis ≥ 1.5× peer',
      measured: `${n(onRedisVsPeer, 2)}×`,
      met: onRedisVsPeer >= 1.5,
    });
  const at1000 = rows.get('xieshang-redis')?.open.get(1000);
  if (at1000)
    list.push({
      what: 'open loop 1 000 turns/s on Redis: p99 < 50 ms, no errors',
      measured: `p99 ${ms(at1000.latency.p99Ms)} ms, ${at1000.errors} errors, ${n(at1000.turnsPerSecond)} turns/s done`,
      met: at1000.latency.p99Ms < 50 && at1000.errors === 0 && at1000.turns >= at1000.sent,
    });
  const workers1000 = rows.get('xieshang-workers2')?.open.get(1000);
  if (workers1000)
    list.push({
      what: 'WORKERS=2 on Redis, open loop 1 000 turns/s: p99 < 50 ms, no errors',
      measured: `p50 ${ms(workers1000.latency.p50Ms)} ms, p99 ${ms(workers1000.latency.p99Ms)} ms, ${workers1000.errors} errors, ${n(workers1000.turnsPerSecond)} turns/s done`,
      met: workers1000.latency.p99Ms < 50 && workers1000.errors === 0 && workers1000.turns >= workers1000.sent,
    });
  const cpuRedis = rows.get('xieshang-redis')?.cpuMsPerTurn;
  const cpuFramework = rows.get('framework')?.cpuMsPerTurn;
  if (cpuRedis !== undefined)
    list.push({
      what: 'server CPU per turn ≤ 0.5 ms (xieshang on Redis)',
      measured: `${n(cpuRedis, 2)} ms${cpuFramework === undefined ? '' : ` (the echo bot in the same run: ${n(cpuFramework, 2)} ms, so ${n(cpuRedis / cpuFramework, 2)}× its CPU)`}`,
      met: cpuRedis <= 0.5,
    });
  const cpuPeer = rows.get('peer')?.cpuMsPerTurn;
  if (cpuRedis !== undefined && cpuPeer !== undefined)
    list.push({
      what: "≥ 2× the peer's turns per CPU-second",
      measured: `${n(cpuPeer / cpuRedis, 2)}×`,
      met: cpuPeer / cpuRedis >= 2,
    });
  const trips = rows.get('xieshang-redis')?.redis;
  if (trips) {
    const store =
      trips.storeRoundTripsPerTurn === undefined
        ? ''
        : `; the store's own count: ${n(trips.storeRoundTripsPerTurn, 2)}`;
    list.push({
      what: '≤ 2 Redis round trips per ordinary turn',
      measured: `${n(trips.roundTripsPerTurn, 2)} per turn (INFO commandstats; ${n(trips.commandsPerTurn, 1)} commands incl. inside scripts${store})`,
      met: trips.roundTripsPerTurn <= 2.05,
    });
  }
  if (extras.redisMemory) {
    const m = extras.redisMemory;
    list.push({
      what: '≤ 4 KiB Redis memory per agreed case',
      measured: `${n(m.agreedDeliveredBytes / 1024, 2)} KiB per agreed case once its lender events are delivered, ${n(m.agreedBytes / 1024, 2)} KiB with the outbox this bench leaves undelivered (no webhook receiver) (${n(m.agreedCases)} agreed); ${n(m.allCasesBytes / 1024, 2)} KiB over all ${n(m.allCases)} cases incl. unfinished`,
      met: m.agreedDeliveredBytes <= 4096,
    });
  }
  if (extras.rss) {
    const r = extras.rss;
    list.push({
      what: `RSS < 400 MB with ${n(r.conversations)} active conversations (memory store)`,
      measured: `${n(r.rssBytes / 2 ** 20)} MB (heap ${n(r.heapUsedBytes / 2 ** 20)} MB; ${n(r.baselineRssBytes / 2 ** 20)} MB idle; ${r.errors} errors)`,
      met: r.rssBytes < 400 * 2 ** 20 && r.errors === 0,
    });
  }
  if (extras.startup) {
    const st = extras.startup;
    list.push({
      what: 'compiled service: cold start < 0.5 s',
      measured: `${n(st.coldStartMs)} ms (spawn to /readyz 200, median of 3; ${n(st.coldStartCpuMs)} ms of CPU)`,
      met: st.coldStartMs < 500,
    });
    list.push({
      what: 'compiled service: idle RSS < 120 MB',
      measured: `${n(st.idleRssBytes / 2 ** 20)} MB`,
      met: st.idleRssBytes < 120 * 2 ** 20,
    });
  }
  if (extras.dueJobs) {
    const d = extras.dueJobs;
    list.push({
      what: 'plan due jobs ≥ 10 000 per minute on one Redis, none missed or doubled',
      measured: `${n(d.perMinute)} per minute (${n(d.jobs)} jobs, ${d.instances} instances' workers; ${d.missed} missed, ${d.doubled} doubled)`,
      met: d.perMinute >= 10_000 && d.missed === 0 && d.doubled === 0,
    });
  }
  if (extras.offers)
    list.push({
      what: 'offers < 100 µs per case',
      measured: `${n(extras.offers.microsPerCase, 1)} µs (${n(extras.offers.cases)} cases)`,
      met: extras.offers.microsPerCase < 100,
    });
  return list;
}

export function renderReport(
  header: Header,
  rows: Map<RowName, RowResult>,
  extras: Extras,
  connections: number[],
  rates: number[],
): string {
  const versions = Object.entries(header.versions)
    .map(([name, version]) => `${name} ${version}`)
    .join(', ');
  const redisBest = best(rows.get('xieshang-redis'));
  const memoryBest = best(rows.get('xieshang-memory'));
  const ratios = [
    ['xieshang-redis / framework', redisBest, best(rows.get('framework'))],
    ['xieshang-memory / framework', memoryBest, best(rows.get('framework'))],
    ['xieshang-redis / peer', redisBest, best(rows.get('peer'))],
    ['xieshang-memory / limit', memoryBest, best(rows.get('limit'))],
  ]
    .filter((entry): entry is [string, number, number] => entry[1] !== undefined && entry[2] !== undefined)
    .map(([name, a, b]) => `${name} ${n(a / b, 2)}×`);
  const cpu = (row: RowName) => rows.get(row)?.cpuMsPerTurn;
  const cpuRatios = (['framework', 'peer'] as const)
    .filter((other) => cpu('xieshang-redis') !== undefined && cpu(other) !== undefined)
    .map((other) => `xieshang-redis / ${other} ${n(cpu(other)! / cpu('xieshang-redis')!, 2)}×`);
  return [
    `## Benchmark ${header.date}`,
    '',
    `${versions}; ${header.cpus}; Redis ${header.redis}; ${header.durationS} s per cell after ${header.warmupS} s warm-up.`,
    '',
    renderTable(rows, connections, rates),
    '',
    ratios.length ? `Ratios (best closed-loop turns/s): ${ratios.join('; ')}.` : '',
    cpuRatios.length
      ? `Ratios by server CPU per turn (turns per CPU-second, steadier on a shared machine): ${cpuRatios.join('; ')}.`
      : '',
    '',
    ...targets(rows, extras).map(
      (t) => `- ${t.met === undefined ? '?' : t.met ? '**met**' : '**not met**'} — ${t.what}: ${t.measured}`,
    ),
    '',
  ].join('\n');
}
