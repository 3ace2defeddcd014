/**
 * The longest single durable timer a case turn waits on. Azure Storage records a timer further away than
 * 6 days in 3-day pieces (azure-functions-durable-extension AzureStorageDurabilityProvider.cs), and cancelling
 * such a timer once its second piece exists fails the orchestration (docs/durable-semantics.md) — which a
 * doorbell racing the 14-day reopen window, or a customer clock stretched by holidays, would do. Three days
 * is half that maximum and a single piece on every backend, so a turn's timer is never split.
 */
export const MAX_SINGLE_WAIT_MS = 3 * 24 * 3_600_000;

/**
 * When a turn wakes up by itself: at the case's next milestone, or `MAX_SINGLE_WAIT_MS` from now if that is
 * earlier. Waking before the milestone costs one turn that changes nothing and continues as new.
 * Undefined milestone: no timer, only the doorbell.
 */
export function caseWakeUp(now: Date, milestone: string | undefined): Date | undefined {
  if (milestone === undefined) return undefined;
  return new Date(Math.min(Date.parse(milestone), now.getTime() + MAX_SINGLE_WAIT_MS));
}
