// Experiments in Redis: one hash (one slot on Cluster); starting and stopping are single scripts, so two instances never both win.
import { EXPERIMENTS_KEY } from './keys.js';
import type { RedisConnection } from './redisConnection.js';
import {
  ExperimentSchema,
  newestFirst,
  type Experiment,
  type ExperimentStore,
} from '../../dialogs/versions/experimentStore.js';

/** ARGV: id, experiment JSON. Returns 1, or 0 when another one runs. */
const START = `
if redis.call('HEXISTS', KEYS[1], 'running') == 1 then return 0 end
redis.call('HSET', KEYS[1], 'x:' .. ARGV[1], ARGV[2], 'running', ARGV[1])
return 1`;

/** ARGV: id, stopped experiment JSON. Returns 1, or 0 when `id` is not the running one. */
const STOP = `
if redis.call('HGET', KEYS[1], 'running') ~= ARGV[1] then return 0 end
redis.call('HDEL', KEYS[1], 'running')
redis.call('HSET', KEYS[1], 'x:' .. ARGV[1], ARGV[2])
return 1`;

const parse = (json: string): Experiment => ExperimentSchema.parse(JSON.parse(json));

export class RedisExperimentStore implements ExperimentStore {
  constructor(private readonly redis: RedisConnection) {}

  async start(experiment: Experiment): Promise<boolean> {
    const started = await this.redis.guard('experiment start', () =>
      this.redis.client.eval(START, 1, EXPERIMENTS_KEY, experiment.id, JSON.stringify(experiment)),
    );
    return started === 1;
  }

  async stop(id: string, stoppedAt: string, stoppedBy: string): Promise<Experiment | undefined> {
    const experiment = await this.get(id);
    if (!experiment) return undefined;
    const stopped = { ...experiment, stoppedAt, stoppedBy };
    const done = await this.redis.guard('experiment stop', () =>
      this.redis.client.eval(STOP, 1, EXPERIMENTS_KEY, id, JSON.stringify(stopped)),
    );
    return done === 1 ? stopped : undefined;
  }

  async running(): Promise<Experiment | undefined> {
    const id = await this.redis.guard('experiment running', () => this.redis.client.hget(EXPERIMENTS_KEY, 'running'));
    return id ? this.get(id) : undefined;
  }

  async get(id: string): Promise<Experiment | undefined> {
    const json = await this.redis.guard('experiment read', () => this.redis.client.hget(EXPERIMENTS_KEY, `x:${id}`));
    return json ? parse(json) : undefined;
  }

  async list(): Promise<Experiment[]> {
    const all = await this.redis.guard('experiment list', () => this.redis.client.hgetall(EXPERIMENTS_KEY));
    return Object.entries(all)
      .filter(([field]) => field.startsWith('x:'))
      .map(([, json]) => parse(json))
      .sort(newestFirst);
  }
}
