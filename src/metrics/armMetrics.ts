// The counts of an experiment's arm: a case in an experiment is counted under its version and again under its arm.
import type { FlowMetrics, TurnMetrics } from './flowMetrics.js';

/** The name an arm's counts are kept under: the version within the experiment. */
export const armMetricsVersion = (version: string, experiment: string): string => `${version}~${experiment}`;

/** FlowMetrics that also count each turn of a case in an experiment under its arm. */
export function withArmMetrics(metrics: FlowMetrics): FlowMetrics {
  return {
    async record(turn: TurnMetrics) {
      await metrics.record(turn);
      if (turn.experiment) await metrics.record({ ...turn, version: armMetricsVersion(turn.version, turn.experiment) });
    },
    counts: (version, fromDay, toDay) => metrics.counts(version, fromDay, toDay),
    close: () => metrics.close(),
  };
}
