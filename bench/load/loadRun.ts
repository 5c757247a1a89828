// The two kinds of load: closed loop (N connections back to back) and open loop (a fixed arrival rate).
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { Pool } from 'undici';
import { Latency, type LatencySummary } from './latency.js';
import { ConversationIds, VirtualBorrower } from './virtualBorrower.js';

export interface Target {
  url: string;
  /** Where the bot sends its replies (the lean connector). */
  serviceUrl: string;
  script: readonly string[];
}

export interface Timing {
  warmupMs: number;
  durationMs: number;
}

export interface LoadResult {
  /** Turns answered 200 inside the measured window. */
  turns: number;
  errors: number;
  turnsPerSecond: number;
  latency: LatencySummary;
  conversations: number;
  /** Every turn answered during the cell, warm-up and tail included (for counters that cannot tell them apart). */
  allTurns: number;
}

const HEADERS = { 'content-type': 'application/json' };
const REQUEST_TIMEOUT_MS = 10_000;

function newPool(url: string, connections: number): Pool {
  return new Pool(url, {
    connections,
    pipelining: 1,
    keepAliveTimeout: 30_000,
    headersTimeout: REQUEST_TIMEOUT_MS,
    bodyTimeout: REQUEST_TIMEOUT_MS,
  });
}

/** Why turns failed: HTTP status or error code → count, for the log. */
export const failures = new Map<string, number>();

/** One turn: true when the bot answered 200 (the replies have then been sent to the connector). */
async function sendTurn(pool: Pool, body: string): Promise<boolean> {
  try {
    const response = await pool.request({ path: '/api/messages', method: 'POST', headers: HEADERS, body });
    await response.body.dump();
    if (response.statusCode === 200) return true;
    failures.set(`HTTP ${response.statusCode}`, (failures.get(`HTTP ${response.statusCode}`) ?? 0) + 1);
    return false;
  } catch (error) {
    const code = (error as { code?: string }).code ?? String(error);
    failures.set(code, (failures.get(code) ?? 0) + 1);
    return false;
  }
}

/** `connections` borrowers, each sending its next turn as soon as the last one is answered. */
export async function closedLoop(target: Target, connections: number, timing: Timing): Promise<LoadResult> {
  const pool = newPool(target.url, connections);
  const ids = new ConversationIds(`closed-${randomUUID().slice(0, 8)}`);
  const latency = new Latency();
  const windowStart = performance.now() + timing.warmupMs;
  const windowEnd = windowStart + timing.durationMs;
  let turns = 0;
  let errors = 0;
  let allTurns = 0;
  const worker = async () => {
    const borrower = new VirtualBorrower(ids, target.script, target.serviceUrl);
    while (performance.now() < windowEnd) {
      const sentAt = performance.now();
      const ok = await sendTurn(pool, borrower.nextBody());
      const doneAt = performance.now();
      borrower.advance(ok);
      allTurns += 1;
      if (sentAt < windowStart || doneAt > windowEnd) continue;
      if (ok) {
        turns += 1;
        latency.record(doneAt - sentAt);
      } else errors += 1;
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  await pool.close();
  return {
    turns,
    errors,
    turnsPerSecond: turns / (timing.durationMs / 1000),
    latency: latency.summary(),
    conversations: ids.started,
    allTurns,
  };
}

/**
 * `rate` turns per second on a timer, whatever the answers, from a crowd of borrowers who each type
 * again `thinkMs` after their last answer (a new borrower joins when none is ready). Latency is
 * measured from when a turn was due, so a server that falls behind shows it (no coordinated omission).
 */
export async function openLoop(
  target: Target,
  rate: number,
  timing: Timing & { thinkMs: number },
): Promise<LoadResult & { sent: number }> {
  const pool = newPool(target.url, Math.min(1024, Math.max(64, rate)));
  const ids = new ConversationIds(`open-${randomUUID().slice(0, 8)}`);
  const latency = new Latency();
  const ready: VirtualBorrower[] = [];
  const intervalMs = 1000 / rate;
  const total = Math.floor((rate * (timing.warmupMs + timing.durationMs)) / 1000);
  const measuredFrom = Math.floor((rate * timing.warmupMs) / 1000);
  let sent = 0;
  let turns = 0;
  let errors = 0;
  const inFlight = new Set<Promise<void>>();

  const fire = (index: number, dueAt: number) => {
    const borrower = ready.shift() ?? new VirtualBorrower(ids, target.script, target.serviceUrl);
    const turn = sendTurn(pool, borrower.nextBody()).then((ok) => {
      const doneAt = performance.now();
      borrower.advance(ok);
      setTimeout(() => ready.push(borrower), timing.thinkMs);
      if (index < measuredFrom) return;
      if (ok) {
        turns += 1;
        latency.record(doneAt - dueAt);
      } else errors += 1;
    });
    inFlight.add(turn);
    void turn.finally(() => inFlight.delete(turn));
  };

  const start = performance.now();
  await new Promise<void>((resolve) => {
    const tick = () => {
      const due = Math.min(total, Math.floor((performance.now() - start) / intervalMs) + 1);
      while (sent < due) {
        fire(sent, start + sent * intervalMs);
        sent += 1;
      }
      if (sent < total) setTimeout(tick, 1);
      else resolve();
    };
    tick();
  });
  await Promise.all(inFlight);
  await pool.close();
  const measured = total - measuredFrom;
  return {
    turns,
    errors,
    sent: measured,
    turnsPerSecond: turns / (timing.durationMs / 1000),
    latency: latency.summary(),
    conversations: ids.started,
    allTurns: total,
  };
}

/**
 * Drives `count` conversations to `turnsEach` turns (mid-interview) with `connections` borrowers at a
 * time, and leaves them open: the active conversations whose memory the RSS measurement sees.
 */
export async function openConversations(
  target: Target,
  count: number,
  turnsEach: number,
  connections: number,
): Promise<{ errors: number }> {
  const pool = newPool(target.url, connections);
  const ids = new ConversationIds(`active-${randomUUID().slice(0, 8)}`);
  let errors = 0;
  const worker = async () => {
    while (ids.started < count) {
      const borrower = new VirtualBorrower(ids, target.script, target.serviceUrl, turnsEach);
      while (!borrower.done) {
        const ok = await sendTurn(pool, borrower.nextBody());
        if (!ok) {
          errors += 1;
          break;
        }
        borrower.advance(ok);
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  await pool.close();
  return { errors };
}
