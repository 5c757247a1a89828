// Latency in microseconds, in an HDR histogram, so p99.9 is exact enough whatever the spread.
import { build, type Histogram } from 'hdr-histogram-js';

export interface LatencySummary {
  p50Ms: number;
  p99Ms: number;
  p999Ms: number;
  maxMs: number;
}

export class Latency {
  private readonly histogram: Histogram = build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 600_000_000,
    numberOfSignificantValueDigits: 3,
  });

  record(ms: number): void {
    this.histogram.recordValue(Math.max(1, Math.round(ms * 1000)));
  }

  summary(): LatencySummary {
    const at = (percentile: number) => this.histogram.getValueAtPercentile(percentile) / 1000;
    return { p50Ms: at(50), p99Ms: at(99), p999Ms: at(99.9), maxMs: this.histogram.maxValue / 1000 };
  }
}
