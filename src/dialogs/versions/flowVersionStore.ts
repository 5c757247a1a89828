// The raw files of every dialogs/ version a conversation may still run on, by content hash; names and notes; which is current.

/** Who published a version from the browser, when and why. Versions read from dialogs/ have none. */
export interface VersionNote {
  name: string;
  note: string;
  by: string;
  at: string;
  /** The version it was edited from. */
  basedOn?: string;
}

export interface StoredVersion {
  version: string;
  savedAt: string;
  published?: VersionNote;
}

/** The version new conversations start on, and the dialogs/ version deployed when it was chosen. */
export interface CurrentVersion {
  version: string;
  /** A deployment with other files (a new dialogs/ version) takes over from a choice made before it. */
  deployed: string;
  by: string;
  at: string;
}

/** Shared by every instance (Redis) so a conversation finds its version after a reload, on any instance, after a restart. */
export interface FlowVersionStore {
  /** Idempotent: saving a version twice keeps its first `savedAt` and its first note. */
  save(version: string, files: ReadonlyMap<string, string>, savedAt: string, published?: VersionNote): Promise<void>;
  load(version: string): Promise<Map<string, string> | undefined>;
  /** Newest first, with their notes. */
  list(): Promise<StoredVersion[]>;
  setCurrent(current: CurrentVersion): Promise<void>;
  current(): Promise<CurrentVersion | undefined>;
}

export class MemoryFlowVersionStore implements FlowVersionStore {
  private readonly versions = new Map<string, { files: Map<string, string>; savedAt: string; published?: VersionNote }>();
  private chosen: CurrentVersion | undefined;

  async save(version: string, files: ReadonlyMap<string, string>, savedAt: string, published?: VersionNote): Promise<void> {
    if (!this.versions.has(version))
      this.versions.set(version, { files: new Map(files), savedAt, ...(published ? { published: { ...published } } : {}) });
  }

  async load(version: string): Promise<Map<string, string> | undefined> {
    const stored = this.versions.get(version);
    return stored && new Map(stored.files);
  }

  async list(): Promise<StoredVersion[]> {
    return [...this.versions.entries()]
      .map(([version, { savedAt, published }]) => ({ version, savedAt, ...(published ? { published: { ...published } } : {}) }))
      .sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  }

  async setCurrent(current: CurrentVersion): Promise<void> {
    this.chosen = { ...current };
  }

  async current(): Promise<CurrentVersion | undefined> {
    return this.chosen && { ...this.chosen };
  }
}
