import { performance } from "node:perf_hooks";

/**
 * Per-call timing that survives JIT warm-up, GC pauses and timer resolution: one untimed pass over
 * all inputs, then the inputs are cut into fixed batches, each batch is repeated until it runs for
 * at least `minBatchMs`, and the result is the median over all batches of all rounds. Every library
 * is measured over the same batches, so their medians are comparable.
 */
export interface MeasureOptions {
  readonly batchSize: number;
  readonly minBatchMs: number;
  /** Rounds over all batches; slow libraries stop after the first round that exceeds `budgetMs`. */
  readonly rounds: number;
  readonly budgetMs: number;
}

export const defaultMeasure: MeasureOptions = { batchSize: 30, minBatchMs: 5, rounds: 5, budgetMs: 4000 };

/** Results are folded in here so that the optimiser cannot drop the calls being timed. */
let sink = 0;
export function sinkValue(): number {
  return sink;
}

/** Median nanoseconds per call of `fn` over `inputs`. */
export function medianNsPerCall<T>(
  inputs: readonly T[],
  fn: (input: T) => number,
  options: MeasureOptions = defaultMeasure,
): number {
  const warmStart = performance.now();
  for (const input of inputs) sink += fn(input);
  const estimateMs = (performance.now() - warmStart) / inputs.length;
  const reps = Math.max(1, Math.ceil(options.minBatchMs / (estimateMs * options.batchSize)));

  const samples: number[] = [];
  const started = performance.now();
  for (let round = 0; round < options.rounds; round++) {
    for (let b = 0; b < inputs.length; b += options.batchSize) {
      const batch = inputs.slice(b, b + options.batchSize);
      const t0 = performance.now();
      for (let r = 0; r < reps; r++) for (const input of batch) sink += fn(input);
      samples.push(((performance.now() - t0) * 1e6) / (reps * batch.length));
    }
    if (performance.now() - started > options.budgetMs) break;
  }
  return median(samples);
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** "0.41 µs", "183 µs", "2.6 ms": three significant digits in the unit that reads best. */
export function formatNs(ns: number): string {
  if (ns < 1_000) return `${ns.toPrecision(3)} ns`;
  if (ns < 1_000_000) return `${(ns / 1_000).toPrecision(3)} µs`;
  return `${(ns / 1_000_000).toPrecision(3)} ms`;
}
