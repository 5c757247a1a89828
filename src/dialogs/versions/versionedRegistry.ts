// The DialogRegistry of a running service: the checked current version, older ones loaded from the version store on demand.
import { checkDialogs, compileDialogs, readDialogFiles } from '../loadDialogBundle.js';
import { checkDialogsAtStart } from '../precompiledDialogs.js';
import type { DialogBundle, DialogRegistry } from '../dialogBundle.js';
import { ConfigurationError } from '../../errors.js';
import { formatProblems, isError, type FlowProblem } from '../../../machines/flow.js';
import type { CurrentVersion, FlowVersionStore, StoredVersion, VersionNote } from './flowVersionStore.js';

export type ReloadResult =
  | { ok: true; version: string; previous: string; changed: boolean; warnings: FlowProblem[] }
  | { ok: false; current: string; problems: FlowProblem[] };

/** A publish or "make current": the version new conversations now start on, or every problem of the check. */
export type ChooseResult =
  | { ok: true; version: string; previous: string; warnings: FlowProblem[] }
  | { ok: false; problems: FlowProblem[] };

export type VersionListing = StoredVersion & { current: boolean; deployed: boolean };

interface RegistryLog {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
}

export class VersionedRegistry implements DialogRegistry {
  private readonly compiled = new Map<string, DialogBundle>();
  private pending: Promise<unknown> = Promise.resolve();
  /** A version the store could not take yet (Redis away at start-up): saved again before the next read. */
  private unsaved: { version: string; files: Map<string, string>; savedAt: string } | undefined;
  /** The dialogs/ version of this deployment: a choice made under other files gives way to it. */
  private deployed: string;

  private constructor(
    private readonly dir: string,
    private readonly store: FlowVersionStore,
    private readonly log: RegistryLog,
    private bundle: DialogBundle,
    private readonly clock: () => Date,
  ) {
    this.compiled.set(bundle.version, bundle);
    this.deployed = bundle.version;
  }

  /** Start-up: a dialogs/ folder with any error stops the service, naming each problem. */
  static async open(dir: string, store: FlowVersionStore, log: RegistryLog, clock: () => Date = () => new Date()): Promise<VersionedRegistry> {
    const files = readDialogFiles(dir);
    const { bundle, problems } = checkDialogsAtStart(dir, files);
    if (!bundle) throw new ConfigurationError('XS_FLOW_INVALID', `dialogs in ${dir} cannot be used:\n${formatProblems(problems.filter(isError))}`);
    const registry = new VersionedRegistry(dir, store, log, bundle, clock);
    registry.unsaved = { version: bundle.version, files, savedAt: clock().toISOString() };
    await registry.saveUnsaved();
    await registry.sync().catch((err: unknown) => log.warn({ err }, 'current flow version not read from the store: dialogs/ serves'));
    return registry;
  }

  /** Follows the current version chosen on any instance (publish, make current) for this deployment's files. */
  async sync(): Promise<void> {
    const chosen = await this.store.current();
    if (!chosen || chosen.deployed !== this.deployed || chosen.version === this.bundle.version) return;
    const files = await this.store.load(chosen.version);
    const bundle = files && (this.compiled.get(chosen.version) ?? checkDialogs(`${this.dir}@${chosen.version}`, files).bundle);
    if (!bundle) return void this.log.warn({ flowVersion: chosen.version }, 'chosen flow version does not pass the check: kept the one in use');
    this.compiled.set(bundle.version, bundle);
    this.bundle = bundle;
    this.log.info({ flowVersion: bundle.version, by: chosen.by }, 'flow version chosen: new conversations use it');
  }

  /** A version edited in the browser: checked like `flows check`, saved with its note, then current. */
  async publish(files: Map<string, string>, note: VersionNote): Promise<ChooseResult> {
    const { bundle, problems } = checkDialogs(this.dir, files);
    if (!bundle) return { ok: false, problems };
    await this.saveUnsaved();
    await this.store.save(bundle.version, files, note.at, note);
    return this.choose(bundle, note.by, note.at, problems);
  }

  /** An earlier version (a roll back) serves new conversations again, if it passes today's check. */
  async makeCurrent(version: string, by: string): Promise<ChooseResult> {
    const files = await this.store.load(version);
    if (!files) return { ok: false, problems: [{ file: this.dir, where: `version ${version}`, message: 'not in the store' }] };
    const { bundle, problems } = checkDialogs(this.dir, files);
    if (!bundle) return { ok: false, problems };
    return this.choose(this.compiled.get(version) ?? bundle, by, this.clock().toISOString(), problems);
  }

  /** The files of a stored version (export, edit forms, diffs). */
  async files(version: string): Promise<Map<string, string> | undefined> {
    await this.saveUnsaved();
    return this.store.load(version);
  }

  private async choose(bundle: DialogBundle, by: string, at: string, warnings: FlowProblem[]): Promise<ChooseResult> {
    const previous = this.bundle.version;
    const chosen: CurrentVersion = { version: bundle.version, deployed: this.deployed, by, at };
    await this.store.setCurrent(chosen);
    this.compiled.set(bundle.version, this.compiled.get(bundle.version) ?? bundle);
    this.bundle = this.compiled.get(bundle.version)!;
    this.log.info({ flowVersion: bundle.version, previous, by }, 'flow version chosen: new conversations use it');
    return { ok: true, version: bundle.version, previous, warnings };
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

  async versions(): Promise<VersionListing[]> {
    await this.saveUnsaved();
    const current = this.bundle.version;
    return (await this.store.list()).map((v) => ({ ...v, current: v.version === current, deployed: v.version === this.deployed }));
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
    // Unchanged files leave a version chosen in the browser in place; new files are a new deployment.
    if (bundle.version === this.deployed) return { ok: true, version: previous, previous, changed: false, warnings: problems };
    await this.store.save(bundle.version, files, this.clock().toISOString());
    this.deployed = bundle.version;
    await this.store.setCurrent({ version: bundle.version, deployed: bundle.version, by: 'dialogs/', at: this.clock().toISOString() });
    this.compiled.set(bundle.version, this.compiled.get(bundle.version) ?? bundle);
    this.bundle = this.compiled.get(bundle.version)!;
    if (bundle.version !== previous) this.log.info({ flowVersion: bundle.version, previous }, 'dialogs reloaded: new conversations use the new version');
    return { ok: true, version: bundle.version, previous, changed: bundle.version !== previous, warnings: problems };
  }
}
