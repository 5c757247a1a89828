// Experiments as the service runs them: start (both arms checked like `flows check`), stop, and the arm of a new conversation.
import { randomUUID } from 'node:crypto';
import { checkDialogs } from '../loadDialogBundle.js';
import type { DialogBundle } from '../dialogBundle.js';
import { isError, type FlowProblem } from '../../../machines/flow.js';
import { assignArm } from '../../domain/experiments/experimentArm.js';
import type { Experiment, ExperimentStore } from './experimentStore.js';
import type { VersionedRegistry } from './versionedRegistry.js';

export type StartResult =
  | { ok: true; experiment: Experiment }
  | { ok: false; reason: 'running'; running: Experiment }
  | { ok: false; reason: 'unknown'; version: string }
  | { ok: false; reason: 'invalid'; problems: FlowProblem[] };

/** The flow a new conversation starts on, and the experiment that chose it. */
export interface StartingFlow {
  bundle: DialogBundle;
  experiment?: string;
}

/** Problems are reported against this name, never the server's folder. */
const DIR = 'dialogs';

export class Experiments {
  /** The running experiment as last read (every FLOW_SYNC_MS, and at once after a start or stop here). */
  private active: Experiment | undefined;

  constructor(
    private readonly store: ExperimentStore,
    private readonly dialogs: VersionedRegistry,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Follows an experiment started or stopped on any instance. */
  async sync(): Promise<void> {
    this.active = await this.store.running();
  }

  running(): Experiment | undefined {
    return this.active;
  }

  list(): Promise<Experiment[]> {
    return this.store.list();
  }

  get(id: string): Promise<Experiment | undefined> {
    return this.store.get(id);
  }

  /** The current version against `candidate`; refused when one runs, a version is unknown or fails the check. */
  async start(input: { candidate: string; candidatePercent: number; seed?: string }, by: string): Promise<StartResult> {
    const running = await this.store.running();
    if (running) return { ok: false, reason: 'running', running };
    const control = this.dialogs.current().version;
    const problems: FlowProblem[] = [];
    for (const version of [control, input.candidate]) {
      const files = await this.dialogs.files(version);
      if (!files) return { ok: false, reason: 'unknown', version };
      problems.push(...checkDialogs(DIR, files).problems.filter(isError));
    }
    if (input.candidate === control)
      problems.push({ file: DIR, where: `version ${control}`, message: 'is already current: choose another version to try' });
    if (problems.length > 0) return { ok: false, reason: 'invalid', problems };
    const experiment: Experiment = {
      id: randomUUID().slice(0, 8),
      control,
      candidate: input.candidate,
      candidatePercent: input.candidatePercent,
      seed: input.seed ?? randomUUID(),
      startedAt: this.clock().toISOString(),
      startedBy: by,
    };
    // Another instance may have started one since the read above: the store lets only one win.
    if (!(await this.store.start(experiment)))
      return { ok: false, reason: 'running', running: (await this.store.running()) ?? experiment };
    this.active = experiment;
    return { ok: true, experiment };
  }

  /** Ends the running experiment `id`: new conversations get the current version; running ones keep theirs. */
  async stop(id: string, by: string): Promise<Experiment | undefined> {
    const stopped = await this.store.stop(id, this.clock().toISOString(), by);
    if (stopped && this.active?.id === id) this.active = undefined;
    return stopped;
  }

  /** A new conversation's flow: an arm of the running experiment (sticky: the case records it), else the current version. */
  async startingFlow(caseId: string): Promise<StartingFlow> {
    const experiment = this.active;
    if (!experiment) return { bundle: this.dialogs.current() };
    const arm = assignArm(experiment.seed, caseId, experiment.candidatePercent);
    const bundle = await this.dialogs.get(arm === 'candidate' ? experiment.candidate : experiment.control);
    return { bundle, experiment: experiment.id };
  }
}
