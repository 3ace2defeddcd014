import { readdir, readFile } from "node:fs/promises";
import { extname } from "node:path";
import { app, type HttpResponseInit } from "@azure/functions";
import { httpHandler } from "./http/handler.js";
import { problem } from "./http/problem.js";

/**
 * The support desk's console (console/, built by `npm run build` into dist/console) served by the app itself,
 * on the API's origin, under the route prefix: /api/console/. (The root path would need host.json's
 * routePrefix "", which moves every API route; the Functions host keeps "/" for itself.)
 *
 * Anonymous at the Functions level: the files hold no data and no secret; every call the page makes goes to
 * the API, which demands a function key or, with App Service Authentication on, a signed-in user (the
 * platform then protects this page too). Hashed assets are cached for a year, index.html never, and every
 * answer carries a strict Content-Security-Policy: scripts, styles and data only from this origin.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const SECURITY_HEADERS = {
  "content-security-policy": CONTENT_SECURITY_POLICY,
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
  "cross-origin-opener-policy": "same-origin",
};

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
};

interface Files {
  readonly index: Buffer;
  readonly assets: ReadonlyMap<string, Buffer>;
}

const root = new URL("../console/", import.meta.url);
let files: Promise<Files | undefined> | undefined;

/** Read once per process, on the first request (not at import: the console costs the API's cold start nothing). */
function load(): Promise<Files | undefined> {
  files ??= (async () => {
    try {
      const index = await readFile(new URL("index.html", root));
      const names = await readdir(new URL("assets/", root));
      const assets = new Map<string, Buffer>();
      for (const name of names) assets.set(name, await readFile(new URL(`assets/${name}`, root)));
      return { index, assets };
    } catch {
      files = undefined;
      return undefined;
    }
  })();
  return files;
}

function answer(status: number, headers: Record<string, string>, body: Buffer | string): HttpResponseInit {
  return { status, headers: { ...SECURITY_HEADERS, ...headers }, body };
}

const notFound = (detail: string) => problem(404, "console-file-not-found", "Console file not found", detail);

app.http("console", {
  route: "console/{*path}",
  methods: ["GET", "HEAD"],
  authLevel: "anonymous",
  handler: httpHandler("console", async (request) => {
    const path = request.params.path ?? "";
    const loaded = await load();
    if (loaded === undefined) throw notFound("The console is not built: run npm run build.");
    if (path.startsWith("assets/")) {
      // Only files the build wrote, looked up by exact name: no path ever reaches the file system.
      const bytes = loaded.assets.get(path.slice("assets/".length));
      if (bytes === undefined)
        throw notFound("No file of this build has that name; asset names change with each build: reload the page.");
      return answer(
        200,
        {
          "content-type": TYPES[extname(path)] ?? "application/octet-stream",
          "cache-control": "public, max-age=31536000, immutable",
        },
        bytes,
      );
    }
    if (!new URL(request.url).pathname.endsWith("/") && path === "")
      return answer(308, { location: "/api/console/", "cache-control": "no-store" }, "");
    // Every other path is a page of the console (queue, case, tenant, report): the same index.html.
    return answer(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" }, loaded.index);
  }),
});
