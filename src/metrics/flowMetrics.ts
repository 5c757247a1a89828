// FlowMetrics: counts of state transitions and offers per flow version per day, as the service runs.

/** What one committed turn adds to the counts. */
export interface TurnMetrics {
  version: string;
  /** UTC day, `YYYY-MM-DD`. */
  day: string;
  transitions: Array<{ from: string; to: string }>;
  /** Offer kinds shown in this turn, once per offer. */
  shown: string[];
  /** The offer kind agreed in this turn, if any. */
  accepted: string[];
  /** Ends a state count cannot tell apart: `escalated:<reason>`, `optedOut` (the borrower said stop). */
  outcomes?: string[];
  /** The experiment the case runs in: its counts are also kept per arm (src/metrics/armMetrics.ts). */
  experiment?: string;
}

/** Raw counts over a period: `from>to` transitions, offer kinds shown and accepted, outcomes. */
export interface FlowCounts {
  transitions: Record<string, number>;
  shown: Record<string, number>;
  accepted: Record<string, number>;
  outcomes: Record<string, number>;
}

export interface FlowMetrics {
  /** Never throws: a turn that was committed is not failed by its statistics. */
  record(turn: TurnMetrics): Promise<void>;
  counts(version: string, fromDay: string, toDay: string): Promise<FlowCounts>;
  /** Writes whatever is still buffered. */
  close(): Promise<void>;
}

export const TRANSITION_SEPARATOR = '>';

/** The hash fields one turn increments: `t:from>to`, `s:kind`, `a:kind`, `o:outcome`. */
export function fieldsOf(turn: TurnMetrics): string[] {
  return [
    ...turn.transitions.map(({ from, to }) => `t:${from}${TRANSITION_SEPARATOR}${to}`),
    ...turn.shown.map((kind) => `s:${kind}`),
    ...turn.accepted.map((kind) => `a:${kind}`),
    ...(turn.outcomes ?? []).map((outcome) => `o:${outcome}`),
  ];
}

export function addFields(counts: FlowCounts, fields: Record<string, number | string>): FlowCounts {
  for (const [field, raw] of Object.entries(fields)) {
    const value = Number(raw);
    const bucket = field.startsWith('t:')
      ? counts.transitions
      : field.startsWith('s:')
        ? counts.shown
        : field.startsWith('a:')
          ? counts.accepted
          : field.startsWith('o:')
            ? counts.outcomes
            : undefined;
    if (bucket) bucket[field.slice(2)] = (bucket[field.slice(2)] ?? 0) + value;
  }
  return counts;
}

export const emptyCounts = (): FlowCounts => ({ transitions: {}, shown: {}, accepted: {}, outcomes: {} });

/** Every day from `fromDay` to `toDay` inclusive (at most 400), as `YYYY-MM-DD`. */
export function daysBetween(fromDay: string, toDay: string): string[] {
  const days: string[] = [];
  for (
    let t = Date.parse(`${fromDay}T00:00:00Z`);
    t <= Date.parse(`${toDay}T00:00:00Z`) && days.length < 400;
    t += 86_400_000
  )
    days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

export class MemoryFlowMetrics implements FlowMetrics {
  private readonly days = new Map<string, Map<string, number>>();

  async record(turn: TurnMetrics): Promise<void> {
    const key = `${turn.version}:${turn.day}`;
    const fields = this.days.get(key) ?? new Map<string, number>();
    for (const field of fieldsOf(turn)) fields.set(field, (fields.get(field) ?? 0) + 1);
    this.days.set(key, fields);
  }

  async counts(version: string, fromDay: string, toDay: string): Promise<FlowCounts> {
    const counts = emptyCounts();
    for (const day of daysBetween(fromDay, toDay))
      addFields(counts, Object.fromEntries(this.days.get(`${version}:${day}`) ?? []));
    return counts;
  }

  async close(): Promise<void> {}
}
