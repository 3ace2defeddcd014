/**
 * Elapsed real time as epoch milliseconds, for leases and timeouts. It keeps running even where `Date`
 * is a virtual clock (the local runtime's --virtual-clock), because it measures how long something has
 * really been silent, not business time. In Azure it equals the wall clock.
 */
export function realTimeMs(): number {
  return performance.timeOrigin + performance.now();
}
