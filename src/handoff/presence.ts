// Who has a console open: counted per open event stream, so two tabs of one agent count once and closing both goes offline.
export class Presence {
  private readonly streams = new Map<string, number>();
  private readonly listeners: Array<() => void> = [];

  /** `listener` runs whenever a console opens (auto-assignment may have someone to give cases to). */
  onOpen(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Returns the function that marks this stream closed. */
  open(agentId: string): () => void {
    this.streams.set(agentId, (this.streams.get(agentId) ?? 0) + 1);
    for (const listener of this.listeners) listener();
    let closed = false;
    return () => {
      if (closed) return;
      closed = true;
      const left = (this.streams.get(agentId) ?? 1) - 1;
      if (left <= 0) this.streams.delete(agentId);
      else this.streams.set(agentId, left);
    };
  }

  online(): string[] {
    return [...this.streams.keys()];
  }
}
