// Experiments: two flow versions splitting new conversations; at most one runs at a time, shared by every instance.
import { z } from 'zod';

export const ExperimentSchema = z.object({
  id: z.string(),
  /** The version that was current when the experiment started. */
  control: z.string(),
  /** The version tried on `candidatePercent` of new conversations. */
  candidate: z.string(),
  candidatePercent: z.number().int().min(1).max(99),
  /** With the case id, decides each conversation's arm (src/domain/experiments/experimentArm.ts). */
  seed: z.string(),
  startedAt: z.string(),
  startedBy: z.string(),
  stoppedAt: z.string().optional(),
  stoppedBy: z.string().optional(),
});
export type Experiment = z.infer<typeof ExperimentSchema>;

export interface ExperimentStore {
  /** False (nothing written) when another experiment is running. */
  start(experiment: Experiment): Promise<boolean>;
  /** The experiment as stopped, or undefined when `id` is not the running one. */
  stop(id: string, stoppedAt: string, stoppedBy: string): Promise<Experiment | undefined>;
  running(): Promise<Experiment | undefined>;
  get(id: string): Promise<Experiment | undefined>;
  /** Every experiment, the newest first. */
  list(): Promise<Experiment[]>;
}

export const newestFirst = (a: Experiment, b: Experiment): number => b.startedAt.localeCompare(a.startedAt);

export class MemoryExperimentStore implements ExperimentStore {
  private readonly experiments = new Map<string, Experiment>();
  private runningId: string | undefined;

  async start(experiment: Experiment): Promise<boolean> {
    if (this.runningId) return false;
    this.experiments.set(experiment.id, { ...experiment });
    this.runningId = experiment.id;
    return true;
  }

  async stop(id: string, stoppedAt: string, stoppedBy: string): Promise<Experiment | undefined> {
    const experiment = this.experiments.get(id);
    if (this.runningId !== id || !experiment) return undefined;
    const stopped = { ...experiment, stoppedAt, stoppedBy };
    this.experiments.set(id, stopped);
    this.runningId = undefined;
    return { ...stopped };
  }

  async running(): Promise<Experiment | undefined> {
    return this.runningId ? this.get(this.runningId) : undefined;
  }

  async get(id: string): Promise<Experiment | undefined> {
    const experiment = this.experiments.get(id);
    return experiment && { ...experiment };
  }

  async list(): Promise<Experiment[]> {
    return [...this.experiments.values()].map((e) => ({ ...e })).sort(newestFirst);
  }
}
