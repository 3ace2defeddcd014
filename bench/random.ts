/**
 * A tiny seeded generator (xorshift32) so that every run, and every library within a run, sees
 * the same receipts. Statistical quality is irrelevant here; reproducibility is the point.
 */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 0x1_0000_0000;
  };
}
