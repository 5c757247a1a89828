// The raw files of every dialogs/ version a conversation may still run on, by content hash.

export interface StoredVersion {
  version: string;
  savedAt: string;
}

/** Shared by every instance (Redis) so a conversation finds its version after a reload, on any instance, after a restart. */
export interface FlowVersionStore {
  /** Idempotent: saving a version twice keeps its first `savedAt`. */
  save(version: string, files: ReadonlyMap<string, string>, savedAt: string): Promise<void>;
  load(version: string): Promise<Map<string, string> | undefined>;
  /** Newest first. */
  list(): Promise<StoredVersion[]>;
}

export class MemoryFlowVersionStore implements FlowVersionStore {
  private readonly versions = new Map<string, { files: Map<string, string>; savedAt: string }>();

  async save(version: string, files: ReadonlyMap<string, string>, savedAt: string): Promise<void> {
    if (!this.versions.has(version)) this.versions.set(version, { files: new Map(files), savedAt });
  }

  async load(version: string): Promise<Map<string, string> | undefined> {
    const stored = this.versions.get(version);
    return stored && new Map(stored.files);
  }

  async list(): Promise<StoredVersion[]> {
    return [...this.versions.entries()].map(([version, { savedAt }]) => ({ version, savedAt })).sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  }
}
