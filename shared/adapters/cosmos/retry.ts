/** Status codes Cosmos DB answers for conditions that pass: throttling, a busy or unreachable replica, a timeout. */
const TRANSIENT = new Set([408, 429, 449, 500, 503]);

export interface RetryOptions {
  readonly attempts?: number;
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
}

/** The HTTP status of an @azure/cosmos error (its `code`), if any. */
export function statusOf(error: unknown): number | undefined {
  const code =
    (error as { code?: unknown; statusCode?: unknown } | null)?.code ??
    (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof code === "number" ? code : undefined;
}

function retryAfterMs(error: unknown): number | undefined {
  const value =
    (error as { retryAfterInMs?: unknown; retryAfterInMilliseconds?: unknown } | null)?.retryAfterInMs ??
    (error as { retryAfterInMilliseconds?: unknown } | null)?.retryAfterInMilliseconds;
  return typeof value === "number" && value >= 0 ? value : undefined;
}

export function isTransient(error: unknown): boolean {
  const status = statusOf(error);
  if (status !== undefined) return TRANSIENT.has(status);
  const code = (error as { code?: unknown } | null)?.code;
  return (
    code === "ECONNRESET" ||
    code === "ECONNREFUSED" ||
    code === "ETIMEDOUT" ||
    code === "EPIPE" ||
    (error as Error | null)?.name === "TimeoutError"
  );
}

/**
 * Runs a Cosmos operation, retrying what the SDK's own policy gave up on (it already retries 429 a few
 * times). Honours the server's retry-after; backs off exponentially otherwise. Everything else is rethrown.
 */
export async function withTransientRetry<T>(operation: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 8;
  const base = options.baseDelayMs ?? 50;
  const max = options.maxDelayMs ?? 2_000;
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (attempt >= attempts || !isTransient(error)) throw error;
      const delay = Math.min(max, retryAfterMs(error) ?? base * 2 ** (attempt - 1));
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
