// Server CPU per turn, line by line of the bench's negotiation:
//   npx tsx bench/turnSteps.ts [--row xieshang-redis] [--conversations 200] [--rounds 3] [--profile]
//     [--node-args '--heap-prof --heap-prof-dir=/tmp/heap']
// Every conversation says line k (a few at a time) before any says line k + 1, and the server's CPU over each line is
// divided by the conversations: which kind of turn costs what. Best of the rounds.
import { parseArgs } from 'node:util';
import type { Redis } from 'ioredis';
import { Pool } from 'undici';
import { NEGOTIATION_SCRIPT, messageActivity } from './load/negotiationScript.js';
import { commandCalls, openBenchRedis } from './measure/redisServer.js';
import { ROWS, type RowName } from './options.js';
import { startRow, usesRedis } from './rows.js';
import { startChild } from './servers/startChild.js';

const IN_FLIGHT = 4;
const HEADERS = { 'content-type': 'application/json' };

const { values } = parseArgs({
  options: {
    row: { type: 'string', default: 'xieshang-redis' },
    conversations: { type: 'string', default: '200' },
    rounds: { type: 'string', default: '3' },
    'redis-url': { type: 'string' },
    profile: { type: 'boolean', default: false },
    'node-args': { type: 'string', default: '' },
  },
});
const row = values.row as RowName;
if (!(ROWS as readonly string[]).includes(row)) throw new Error(`--row ${row}: expected one of ${ROWS.join(', ')}`);
const conversations = Number(values.conversations);
const rounds = Number(values.rounds);

const redis = usesRedis(row) ? await openBenchRedis(values['redis-url']) : undefined;
const connector = await startChild('connector', './connector.ts');
// --profile: the server runs with --cpu-prof (bench/results/profiles/turnSteps-*), summarised by bench/profileSummary.ts.
const profileArgs = ['--cpu-prof', `--cpu-prof-dir=bench/results/profiles/turnSteps-${Date.now()}`];
const server = await startRow(
  row,
  redis?.url,
  values.profile ? profileArgs : values['node-args'].split(' ').filter(Boolean),
);
const pool = new Pool(server.child.url, { connections: IN_FLIGHT });
const best: number[] = NEGOTIATION_SCRIPT.map(() => Infinity);
/** Redis commands per conversation by line (the last round; scripts' inner calls included), on a private Redis. */
const commands: string[] = NEGOTIATION_SCRIPT.map(() => '');
/** Activities the bot posted to the connector per conversation, by line. */
const replies: number[] = NEGOTIATION_SCRIPT.map(() => 0);

async function sayToAll(ids: string[], step: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const id = ids[next++]!;
      const body = messageActivity(connector.url, id, step + 1, NEGOTIATION_SCRIPT[step]!);
      const response = await pool.request({ path: '/api/messages', method: 'POST', headers: HEADERS, body });
      await response.body.dump();
      if (response.statusCode !== 200) throw new Error(`line ${step + 1} of ${id}: HTTP ${response.statusCode}`);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
}

async function netInputBytes(client: Redis): Promise<number> {
  return Number(/total_net_input_bytes:(\d+)/.exec(await client.info('stats'))?.[1] ?? 0);
}

function commandsPerConversation(before: Map<string, number>, after: Map<string, number>): string {
  return [...after]
    .map(([name, calls]) => [name, (calls - (before.get(name) ?? 0)) / conversations] as const)
    .filter(([name, perConversation]) => name !== 'info' && perConversation >= 0.05)
    .map(([name, perConversation]) => `${name} ${Number(perConversation.toFixed(1))}`)
    .join(', ');
}

try {
  for (let round = 0; round <= rounds; round++) {
    const ids = Array.from({ length: conversations }, (_, i) => `steps-${round}-${i}`);
    for (const [step] of NEGOTIATION_SCRIPT.entries()) {
      const callsBefore = redis?.private ? await commandCalls(redis.client) : undefined;
      const bytesBefore = redis?.private ? await netInputBytes(redis.client) : 0;
      const postsBefore = (await connector.stats()).counters.posts ?? 0;
      const before = await server.child.cpuMicros();
      await sayToAll(ids, step);
      const micros = ((await server.child.cpuMicros()) - before) / conversations;
      const posts = ((await connector.stats()).counters.posts ?? 0) - postsBefore;
      replies[step] = posts / conversations;
      if (callsBefore)
        commands[step] =
          `${Math.round(((await netInputBytes(redis!.client)) - bytesBefore) / conversations)} B sent; ` +
          commandsPerConversation(callsBefore, await commandCalls(redis!.client));
      // Round 0 warms the server up (JIT, caches) and is not counted.
      if (round > 0) best[step] = Math.min(best[step]!, micros);
    }
  }
  const total = best.reduce((sum, micros) => sum + micros, 0);
  console.log(
    `\n${row}: server CPU per turn by line (µs, best of ${rounds} rounds of ${conversations} conversations)\n`,
  );
  console.log(
    '| line | borrower says | µs | replies | Redis (commands inside scripts too) |\n| ---: | --- | ---: | ---: | --- |',
  );
  for (const [step, says] of NEGOTIATION_SCRIPT.entries())
    console.log(`| ${step + 1} | ${says} | ${Math.round(best[step]!)} | ${replies[step]} | ${commands[step]} |`);
  console.log(`| | mean per turn | ${Math.round(total / NEGOTIATION_SCRIPT.length)} | | |`);
} finally {
  await pool.close();
  await server.child.stop();
  await connector.stop();
  await redis?.stop();
}
