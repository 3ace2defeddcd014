import { useCallback, useEffect, useRef, useState } from "preact/hooks";

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** Fetch again now (after an action, or on demand). */
  reload: () => void;
  loadedAt: number | undefined;
}

/**
 * Loads with `load`, and again every `everyMs` while the tab is visible (the queue refreshes without a page
 * reload). A refresh keeps showing the previous data until the new answer arrives.
 */
export function usePoll<T>(load: () => Promise<T>, deps: readonly unknown[], everyMs?: number): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean; loadedAt?: number }>({
    loading: true,
  });
  const generation = useRef(0);
  const run = useCallback(() => {
    const mine = ++generation.current;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => mine === generation.current && setState({ data, loading: false, loadedAt: Date.now() }),
      (error: unknown) => mine === generation.current && setState((s) => ({ ...s, error, loading: false })),
    );
  }, deps);
  useEffect(() => {
    setState({ loading: true });
    run();
    if (everyMs === undefined) return;
    const id = setInterval(() => {
      if (document.visibilityState === "visible") run();
    }, everyMs);
    return () => clearInterval(id);
  }, [run, everyMs]);
  return { data: state.data, error: state.error, loading: state.loading, reload: run, loadedAt: state.loadedAt };
}
