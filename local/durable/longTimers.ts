/**
 * Timer limits the extension announces to the SDK in every orchestration trigger. A timer further away than
 * the maximum is split by the SDK (LongTimerTask) into steps of the interval; the engine must choose the
 * same step instants, because the SDK numbers each step as a task of its own.
 */
export const MAXIMUM_SHORT_TIMER_DURATION = "6.00:00:00";
export const LONG_RUNNING_TIMER_INTERVAL_DURATION = "3.00:00:00";

const DAY = 24 * 3_600_000;
export const MAXIMUM_SHORT_TIMER_MS = 6 * DAY;
export const LONG_RUNNING_TIMER_INTERVAL_MS = 3 * DAY;

/** Where the next timer step fires, seen from `now` (the episode's time), towards `finalFireAt`. */
export function nextTimerStep(now: number, finalFireAt: number): number {
  return finalFireAt - now > MAXIMUM_SHORT_TIMER_MS ? now + LONG_RUNNING_TIMER_INTERVAL_MS : finalFireAt;
}
