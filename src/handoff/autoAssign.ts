// Optional auto-assignment: queued cases go to agents with a console open, least loaded first, round robin, up to a capacity.
import { HttpError } from '../errors.js';
import { claimCase } from './claimCase.js';
import type { DeskAgent, DeskDeps } from './deskDeps.js';
import { listQueue } from './deskQueue.js';

export class AutoAssigner {
  private running = false;
  private again = false;
  /** Who got the last case: ties in load go to the next agent after them. */
  private lastId: string | undefined;

  constructor(
    private readonly deps: DeskDeps,
    private readonly capacity: number,
  ) {}

  /** Runs when the queue or the agents online change; one pass at a time, repeated if asked meanwhile. */
  async assign(): Promise<void> {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    try {
      do {
        this.again = false;
        await this.pass();
      } while (this.again);
    } catch (err) {
      this.deps.logger.error({ err }, 'desk: auto-assignment failed; cases stay in the queue for a manual claim');
    } finally {
      this.running = false;
    }
  }

  private async pass(): Promise<void> {
    const online = new Set(this.deps.presence.online());
    const agents = this.deps.staff.filter((agent) => agent.role === 'agent' && online.has(agent.id));
    if (agents.length === 0) return;
    const cases = await this.deps.index.list();
    const load = new Map(
      agents.map((agent) => [agent.id, cases.filter((c) => c.status === 'escalated' && c.agentId === agent.id).length]),
    );
    for (const waiting of await listQueue(this.deps)) {
      const index = await this.deps.index.get(waiting.caseId);
      if (index?.forSupervisors) continue;
      const agent = this.next(agents, load);
      if (!agent) return;
      try {
        await claimCase(this.deps, waiting.caseId, agent);
        load.set(agent.id, load.get(agent.id)! + 1);
        this.lastId = agent.id;
      } catch (error) {
        // Claimed meanwhile (by a person or another instance): the next case.
        if (!(error instanceof HttpError)) throw error;
      }
    }
  }

  private next(agents: readonly DeskAgent[], load: ReadonlyMap<string, number>): DeskAgent | undefined {
    const start = this.lastId ? agents.findIndex((agent) => agent.id === this.lastId) + 1 : 0;
    const rotated = [...agents.slice(start), ...agents.slice(0, start)];
    const free = rotated.filter((agent) => load.get(agent.id)! < this.capacity);
    return free.sort((a, b) => load.get(a.id)! - load.get(b.id)!)[0];
  }
}
