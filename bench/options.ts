// Command-line options of `npm run bench`, checked up front with the bad value in the message.
import { parseArgs } from 'node:util';

export const ROWS = ['limit', 'framework', 'xieshang-memory', 'xieshang-redis', 'xieshang-workers2', 'peer'] as const;
export type RowName = (typeof ROWS)[number];

export interface BenchOptions {
  durationMs: number;
  warmupMs: number;
  connections: number[];
  rates: number[];
  thinkMs: number;
  only: RowName[];
  activeConversations: number;
  /** Due jobs scheduled for the scheduler row (0 skips it). */
  dueJobs: number;
  redisUrl: string | undefined;
  /** Rows whose server runs with --cpu-prof (profiles land in bench/results/profiles). */
  profile: RowName[];
  skipExtras: boolean;
  /** Write the results as JSON here instead of bench/results/<date>.md (the test suite's smoke run). */
  json: string | undefined;
}

export const USAGE = `npm run bench -- [options]
  --duration S        measured seconds per cell (default 10)
  --warmup S          unmeasured seconds before each cell (default 2)
  --connections A,B   closed-loop connections (default 50,200)
  --rates A,B         open-loop turns per second (default 500,1000)
  --think MS          open loop: a borrower types again this long after an answer (default 500)
  --only ROW,...      rows to run: ${ROWS.join(', ')} (default all)
  --active N          conversations held open for the RSS measurement (default 10000; 0 skips it)
  --due-jobs N        plan jobs due at once for the scheduler measurement on Redis (default 20000; 0 skips it)
  --redis-url URL     measure on this Redis instead of a private redis-server
  --profile ROW,...   run these rows' servers with --cpu-prof (bench/results/profiles/)
  --skip-extras       only the load table (no offers, Redis memory, start-up or RSS measurements)
  --json FILE         write the results as JSON to FILE instead of bench/results/<date>.md`;

function positive(name: string, text: string, min = 1): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value < min)
    throw new Error(`--${name}=${JSON.stringify(text)}: expected a number ≥ ${min}`);
  return value;
}

function list(name: string, text: string): number[] {
  return text.split(',').map((part) => Math.round(positive(name, part.trim())));
}

function rows(name: string, text: string): RowName[] {
  return text.split(',').map((part) => {
    const row = part.trim();
    if (!(ROWS as readonly string[]).includes(row))
      throw new Error(`--${name}: ${JSON.stringify(row)} is not one of ${ROWS.join(', ')}`);
    return row as RowName;
  });
}

export function readOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '2' },
      connections: { type: 'string', default: '50,200' },
      rates: { type: 'string', default: '500,1000' },
      think: { type: 'string', default: '500' },
      only: { type: 'string', default: ROWS.join(',') },
      active: { type: 'string', default: '10000' },
      'due-jobs': { type: 'string', default: '20000' },
      'redis-url': { type: 'string' },
      profile: { type: 'string', default: '' },
      'skip-extras': { type: 'boolean', default: false },
      json: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  return {
    durationMs: positive('duration', values.duration, 0.5) * 1000,
    warmupMs: positive('warmup', values.warmup, 0) * 1000,
    connections: list('connections', values.connections),
    rates: list('rates', values.rates),
    thinkMs: positive('think', values.think, 0),
    only: rows('only', values.only),
    activeConversations: Math.round(positive('active', values.active, 0)),
    dueJobs: Math.round(positive('due-jobs', values['due-jobs'], 0)),
    redisUrl: values['redis-url'],
    profile: values.profile ? rows('profile', values.profile) : [],
    skipExtras: values['skip-extras'],
    json: values.json,
  };
}
