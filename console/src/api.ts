/**
 * The console reads only the public API, on the same origin. Two ways in, as the app is configured:
 * - a function key (local runtime, or CASECLOCK_AUTH_MODE=key): `npm start` prints the console's address with
 *   the key in the URL fragment (#key=…). Fragments are never sent to a server, so the key reaches no log and
 *   no Referer; the page moves it into sessionStorage (this tab only, gone when it closes) and removes it from
 *   the address bar. It is then sent as x-functions-key.
 * - App Service Authentication (Entra ID, CASECLOCK_AUTH_MODE=entra): the platform's session cookie goes with
 *   every same-origin request and the platform adds the principal; the page holds no secret at all.
 */
const KEY_STORAGE = "caseclock.functionKey";

export function adoptKeyFromFragment(): void {
  const match = /(?:^#|&)key=([^&]+)/.exec(location.hash);
  if (match === null) return;
  sessionStorage.setItem(KEY_STORAGE, decodeURIComponent(match[1]!));
  history.replaceState(history.state, "", location.pathname + location.search);
}

function keyHeader(): Record<string, string> {
  const key = sessionStorage.getItem(KEY_STORAGE);
  return key === null ? {} : { "x-functions-key": key };
}

/** An RFC 9457 problem from the API, with its stable code (`urn:caseclock:problem:<code>`). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail: string | undefined,
    readonly errors: readonly { pointer: string; detail: string }[],
  ) {
    super(`${status} ${code}: ${title}`);
  }
}

async function failure(res: Response): Promise<ApiError> {
  let body: { type?: string; title?: string; detail?: string; errors?: { pointer: string; detail: string }[] } = {};
  try {
    body = (await res.json()) as typeof body;
  } catch {
    // Not problem+json (a platform page): the status says enough.
  }
  const code = body.type?.startsWith("urn:caseclock:problem:") ? body.type.slice(22) : `http-${res.status}`;
  return new ApiError(res.status, code, body.title ?? res.statusText, body.detail, body.errors ?? []);
}

export async function request(method: string, path: string, body?: unknown, extra: Record<string, string> = {}) {
  const res = await fetch(path, {
    method,
    credentials: "same-origin",
    headers: {
      accept: "application/json",
      ...keyHeader(),
      ...(body !== undefined ? { "content-type": "application/json" } : {}),
      ...extra,
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  if (!res.ok) throw await failure(res);
  return res;
}

export async function getJson<T>(path: string): Promise<T> {
  return (await (await request("GET", path)).json()) as T;
}

export async function sendJson<T>(method: string, path: string, body: unknown, headers?: Record<string, string>) {
  return (await (await request(method, path, body, headers)).json()) as T;
}

/** Downloads a file from the API (the CSV report) with the same credentials as every call. */
export async function download(path: string, filename: string): Promise<void> {
  const blob = await (await request("GET", path)).blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
