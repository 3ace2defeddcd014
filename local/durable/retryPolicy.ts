import { type RetryOptionsDto } from "./orchestratorActions.js";

/**
 * The Durable Task retry policy (RetryInterceptor): after the n-th failed attempt (1-based) wait
 * firstRetryInterval × backoffCoefficient^(n-1), at most maxRetryInterval. The SDK's RetryableTask expects
 * that wait as a timer after every failure, the last one included, and then decides itself whether to try
 * again (attempts left) or to fail the task.
 */
export function retryDelay(options: RetryOptionsDto, failedAttempt: number): number {
  const coefficient = options.backoffCoefficient ?? 1;
  const delay = options.firstRetryIntervalInMilliseconds * Math.pow(coefficient, failedAttempt - 1);
  const cap = options.maxRetryIntervalInMilliseconds;
  return Math.max(0, Math.round(cap !== undefined && cap > 0 ? Math.min(delay, cap) : delay));
}

/** Past the retry timeout (counted from the first attempt) no further attempt runs. */
export function retryTimedOut(options: RetryOptionsDto, firstAttemptAt: number, now: number): boolean {
  const timeout = options.retryTimeoutInMilliseconds;
  return timeout !== undefined && timeout > 0 && timeout < Number.MAX_SAFE_INTEGER && now >= firstAttemptAt + timeout;
}
