import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { signWebhook } from "../shared/webhooks/standardWebhooks.js";
import { UsageError } from "./usageError.js";

/**
 * `caseclock webhook`: sends a file as a signed Standard Webhooks delivery, the way a form platform
 * would. Against the local runtime it signs with the runtime's clock (GET /_local/clock), so it works
 * with a virtual clock too.
 */
export async function sendWebhook(argv: string[]): Promise<{ stdout: string; code: number }> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        url: { type: "string" },
        secret: { type: "string" },
        file: { type: "string" },
        id: { type: "string" },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message.split("\n")[0] ?? "bad arguments");
  }
  if (values.url === undefined || !/^https?:\/\//.test(values.url))
    throw new UsageError("--url is required (e.g. http://localhost:7071/api/intake/forms)");
  if (values.secret === undefined || !/^whsec_[A-Za-z0-9+/=]+$/.test(values.secret))
    throw new UsageError("--secret is required (whsec_…)");
  if (values.file === undefined) throw new UsageError("--file is required (the JSON body to send)");
  let body: Buffer;
  try {
    body = await readFile(values.file);
  } catch {
    throw new UsageError(`--file cannot be read: ${values.file}`);
  }
  const url = new URL(values.url);
  let now = Date.now();
  try {
    const clock = await fetch(`${url.origin}/_local/clock`);
    if (clock.ok) now = Date.parse(((await clock.json()) as { now: string }).now);
  } catch {
    // Not the local runtime: sign with this machine's clock.
  }
  const id = values.id ?? `msg_${now.toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const timestamp = Math.floor(now / 1000);
  const res = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "webhook-id": id,
      "webhook-timestamp": String(timestamp),
      "webhook-signature": signWebhook(values.secret, id, timestamp, body),
    },
    body,
  });
  const text = await res.text();
  return { stdout: `HTTP ${res.status} (webhook-id ${id})\n${text}`, code: res.ok ? 0 : 1 };
}
