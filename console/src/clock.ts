import { useEffect, useState } from "preact/hooks";

/**
 * The server's clock as the page sees it: every API answer that carries `now` sets the offset, so countdowns
 * agree with the server (also with the local runtime's virtual clock, which can be days away from real time).
 */
let offsetMs = 0;
const listeners = new Set<() => void>();

export function syncServerClock(now: string | undefined): void {
  if (now === undefined) return;
  const next = Date.parse(now) - Date.now();
  if (Number.isNaN(next) || Math.abs(next - offsetMs) < 500) return;
  offsetMs = next;
  for (const l of listeners) l();
}

export function serverNow(): number {
  return Date.now() + offsetMs;
}

/** Re-renders every second with the server's current time (for live countdowns). */
export function useServerNow(intervalMs = 1000): number {
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    const tick = () => setNow(serverNow());
    const id = setInterval(tick, intervalMs);
    listeners.add(tick);
    return () => {
      clearInterval(id);
      listeners.delete(tick);
    };
  }, [intervalMs]);
  return now;
}
