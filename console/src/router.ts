import { useEffect, useState } from "preact/hooks";

/** Where the console lives: the Functions app serves it under its route prefix (functions/console.ts). */
export const BASE = "/api/console/";

export type Route =
  | { page: "queue"; query: URLSearchParams }
  | { page: "case"; id: string }
  | { page: "tenant"; id: string | undefined }
  | { page: "report"; query: URLSearchParams };

export function parseRoute(pathname: string, search: string): Route {
  const rest = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : "";
  const [first, second] = rest.split("/").map((p) => decodeURIComponent(p));
  const query = new URLSearchParams(search);
  if (first === "cases" && second) return { page: "case", id: second };
  if (first === "tenants") return { page: "tenant", id: second || undefined };
  if (first === "reports") return { page: "report", query };
  return { page: "queue", query };
}

export function href(path: string, query?: URLSearchParams): string {
  const q = query?.toString();
  return BASE + path + (q ? `?${q}` : "");
}

const listeners = new Set<() => void>();

/** Client-side navigation (links stay real links: they work with the keyboard, middle-click and reload). */
export function navigate(to: string, replace = false): void {
  if (replace) history.replaceState(null, "", to);
  else history.pushState(null, "", to);
  for (const l of listeners) l();
}

export function useRoute(): Route {
  const read = () => parseRoute(location.pathname, location.search);
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const update = () => {
      setRoute(read());
      window.scrollTo(0, 0);
    };
    listeners.add(update);
    window.addEventListener("popstate", update);
    return () => {
      listeners.delete(update);
      window.removeEventListener("popstate", update);
    };
  }, []);
  return route;
}

/** Same-origin links under the console are followed without a reload. */
export function interceptLinks(root: HTMLElement): void {
  root.addEventListener("click", (event) => {
    const target = event.target as Element | null;
    const a = target?.closest?.("a");
    if (!a || a.target || a.hasAttribute("download") || event.defaultPrevented) return;
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const url = new URL(a.href, location.href);
    if (url.origin !== location.origin || !url.pathname.startsWith(BASE)) return;
    event.preventDefault();
    navigate(url.pathname + url.search);
  });
}
