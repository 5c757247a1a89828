// The DialogRegistry of a running service: the checked current version, older ones loaded from the version store on demand.
import { checkDialogs, compileDialogs, readDialogFiles } from '../loadDialogBundle.js';
import type { DialogBundle, DialogRegistry } from '../dialogBundle.js';
import { ConfigurationError } from '../../errors.js';
import { formatProblems, isError, type FlowProblem } from '../../../machines/flow.js';
import type { FlowVersionStore, StoredVersion } from './flowVersionStore.js';

export type ReloadResult =
  | { ok: true; version: string; previous: string; changed: boolean; warnings: FlowProblem[] }
  | { ok: false; current: string; problems: FlowProblem[] };

interface RegistryLog {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
}

export class VersionedRegistry implements DialogRegistry {
  private readonly compiled = new Map<string, DialogBundle>();
  private pending: Promise<unknown> = Promise.resolve();
  /** A version the store could not take yet (Redis away at start-up): saved again before the next read. */
  private unsaved: { version: string; files: Map<string, string>; savedAt: string } | undefined;

  private constructor(
    private readonly dir: string,
    private readonly store: FlowVersionStore,
    private readonly log: RegistryLog,
    private bundle: DialogBundle,
    private readonly clock: () => Date,
  ) {
    this.compiled.set(bundle.version, bundle);
  }

  /** Start-up: a dialogs/ folder with any error stops the service, naming each problem. */
  static async open(dir: string, store: FlowVersionStore, log: RegistryLog, clock: () => Date = () => new Date()): Promise<VersionedRegistry> {
    const files = readDialogFiles(dir);
    const { bundle, problems } = checkDialogs(dir, files);
    if (!bundle) throw new ConfigurationError('XS_FLOW_INVALID', `dialogs in ${dir} cannot be used:\n${formatProblems(problems.filter(isError))}`);
    const registry = new VersionedRegistry(dir, store, log, bundle, clock);
    registry.unsaved = { version: bundle.version, files, savedAt: clock().toISOString() };
    await registry.saveUnsaved();
    return registry;
  }

  private async saveUnsaved(): Promise<void> {
    const unsaved = this.unsaved;
    if (!unsaved) return;
    try {
      await this.store.save(unsaved.version, unsaved.files, unsaved.savedAt);
      if (this.unsaved === unsaved) this.unsaved = undefined;
    } catch (err) {
      this.log.warn({ err, flowVersion: unsaved.version }, 'flow version not saved to the store yet: retried on next use');
    }
  }

  current(): DialogBundle {
    return this.bundle;
  }

  async get(version: string): Promise<DialogBundle> {
    const cached = this.compiled.get(version);
    if (cached) return cached;
    await this.saveUnsaved();
    const files = await this.store.load(version);
    const bundle = files && compileDialogs(`${this.dir}@${version}`, files).bundle;
    if (!bundle) {
      this.log.warn({ flowVersion: version, current: this.bundle.version }, files ? 'stored flow version no longer compiles: using the current one' : 'flow version not in the store: using the current one');
      return this.bundle;
    }
    this.compiled.set(version, bundle);
    return bundle;
  }

  /** Reads dialogs/ again; the new version serves new conversations only if it passes every check. */
  reload(): Promise<ReloadResult> {
    const run = this.pending.then(() => this.reloadNow());
    this.pending = run.catch(() => undefined);
    return run;
  }

  async versions(): Promise<StoredVersion[]> {
    await this.saveUnsaved();
    return this.store.list();
  }

  private async reloadNow(): Promise<ReloadResult> {
    const previous = this.bundle.version;
    let files: Map<string, string>;
    try {
      files = readDialogFiles(this.dir);
    } catch (error) {
      return { ok: false, current: previous, problems: [{ file: this.dir, where: '(file)', message: (error as Error).message }] };
    }
    const { bundle, problems } = checkDialogs(this.dir, files);
    if (!bundle) {
      this.log.warn({ current: previous, problems: problems.filter(isError).length }, 'dialogs reload refused: the check found errors');
      return { ok: false, current: previous, problems };
    }
    await this.saveUnsaved();
    await this.store.save(bundle.version, files, this.clock().toISOString());
    this.compiled.set(bundle.version, this.compiled.get(bundle.version) ?? bundle);
    this.bundle = this.compiled.get(bundle.version)!;
    if (bundle.version !== previous) this.log.info({ flowVersion: bundle.version, previous }, 'dialogs reloaded: new conversations use the new version');
    return { ok: true, version: bundle.version, previous, changed: bundle.version !== previous, warnings: problems };
  }
}
