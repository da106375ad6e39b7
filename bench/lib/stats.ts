/** Order statistics for bench samples: medians of repeats, percentiles of latencies, spread between repeats. */

export function sorted(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

/** Nearest-rank percentile of already sorted values (q in 0..1). */
export function percentileOf(sortedValues: readonly number[], q: number): number {
  if (sortedValues.length === 0) return Number.NaN;
  const rank = Math.ceil(q * sortedValues.length) - 1;
  return sortedValues[Math.min(sortedValues.length - 1, Math.max(0, rank))]!;
}

export function median(values: readonly number[]): number {
  const s = sorted(values);
  if (s.length === 0) return Number.NaN;
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** (max - min) / median of the repeats: how far apart the runs of one contender were. */
export function spread(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const m = median(values);
  return m === 0 ? 0 : (Math.max(...values) - Math.min(...values)) / m;
}

/**
 * The ratio of two contenders measured in interleaved pairs (A B A B ...): the median of the per-pair ratios,
 * so that a burst of load from elsewhere on the machine, which hits both runs of a pair alike, cancels out.
 */
export function pairedRatio(ours: readonly number[], floor: readonly number[]): number {
  const n = Math.min(ours.length, floor.length);
  const ratios: number[] = [];
  for (let i = 0; i < n; i++) if (floor[i]! > 0) ratios.push(ours[i]! / floor[i]!);
  return median(ratios);
}

export interface LatencySummary {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

/** Latencies (any unit) summarised; the samples array is sorted in place. */
export function summarise(samples: number[]): LatencySummary {
  samples.sort((a, b) => a - b);
  return {
    count: samples.length,
    p50: percentileOf(samples, 0.5),
    p99: percentileOf(samples, 0.99),
    max: samples.length ? samples[samples.length - 1]! : Number.NaN,
  };
}
