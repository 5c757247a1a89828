// The service's time: the wall clock, or moved forward by the test clock (outside production), the same on every instance.

export interface ServiceClock {
  now(): Date;
  /** Moves the service's time to `at` (never backwards): the offset from the wall clock is shared by every instance. */
  moveTo(at: Date): Promise<void>;
  close(): Promise<void>;
}

/** One process: the offset lives here. */
export class MemoryServiceClock implements ServiceClock {
  private offsetMs = 0;

  constructor(private readonly wall: () => number = Date.now) {}

  now(): Date {
    return new Date(this.wall() + this.offsetMs);
  }

  async moveTo(at: Date): Promise<void> {
    this.offsetMs = Math.max(this.offsetMs, at.getTime() - this.wall());
  }

  async close(): Promise<void> {}
}
