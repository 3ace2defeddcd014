import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Compares a secret-derived value with what a caller offered without leaking where they differ or how
 * long the expected value is: both sides are hashed to 32 bytes first, then compared in constant time.
 */
export function constantTimeEqual(offered: string | Buffer, expected: string | Buffer): boolean {
  const a = createHash("sha256").update(offered).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}
