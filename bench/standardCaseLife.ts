import { signWebhook } from "../shared/webhooks/standardWebhooks.js";
import { type RuntimeProcess } from "../test/support/runtimeProcess.js";

/*
 * The standard case life of the cost model (issue 12): one 21Vianet Sev B technical request by webhook on
 * Friday 23:30 Beijing, through the warning, the breach and two escalations, an agent's answer, resolution,
 * closing, and the 14-day reopen window, driven over HTTP on the local runtime with its virtual clock.
 */

export const STANDARD_LIFE_START = "2026-11-20T15:29:00.000Z";
export const STANDARD_LIFE_SECRET = "whsec_" + Buffer.from("cost-model-signing-key-0123456789").toString("base64");

/** The runtime settings the life runs with: the watchdog timer never fires during it (measured apart). */
export const standardLifeSettings = {
  CASECLOCK_WEBHOOK_SECRETS: JSON.stringify({ forms: [STANDARD_LIFE_SECRET] }),
  CASECLOCK_SUPPORT_CONTACTS: JSON.stringify({
    queues: { technical: ["t@support.example"], billing: ["b@support.example"], presales: ["p@support.example"] },
    escalation: [["duty@support.example"], ["head@support.example"]],
  }),
  CASECLOCK_RECONCILE_SCHEDULE: "0 0 0 1 1 *",
};

const tenant = {
  name: "Cost model tenant",
  preset: "21vianet",
  timeZone: "Asia/Shanghai",
  advancedAgreement: true,
  holidays: [],
  admins: [{ email: "admin@cost.example", language: "en" }],
};

async function call(
  rt: RuntimeProcess,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const res = await fetch(`${rt.url}${path}`, {
    method,
    headers: { "x-functions-key": rt.functionKey, "content-type": "application/json", ...headers },
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
  const text = await res.text();
  if (res.status >= 400) throw new Error(`${method} ${path} → ${res.status} ${text.slice(0, 300)}`);
  return text === "" ? undefined : (JSON.parse(text) as Record<string, unknown>);
}

/** The tenant the life needs (not part of a case's cost). */
export async function prepareStandardLife(rt: RuntimeProcess): Promise<void> {
  await call(rt, "PUT", "/api/tenants/cost-model", tenant);
}

/** `count` cases living the standard life side by side (the same instants); returns their ids. */
export async function standardCaseLives(rt: RuntimeProcess, count = 1): Promise<string[]> {
  await rt.clock.to("2026-11-20T15:30:00.000Z");
  const timestamp = Math.floor((await rt.clock.now()).getTime() / 1000);
  const ids: string[] = [];
  for (let n = 0; n < count; n++) {
    const body = JSON.stringify({
      tenantId: "cost-model",
      requester: { email: "admin@cost.example" },
      category: "technical",
      severity: "B",
      title: `Mail flow delayed ${n}`,
      description: "Outbound mail queues for 20 minutes.",
    });
    const deliveryId = `cost-${n}`;
    const accepted = await call(rt, "POST", "/api/intake/forms", body, {
      "webhook-id": deliveryId,
      "webhook-timestamp": String(timestamp),
      "webhook-signature": signWebhook(STANDARD_LIFE_SECRET, deliveryId, timestamp, Buffer.from(body)),
    });
    ids.push(String(accepted?.id));
  }
  const eachCase = (event: unknown) => Promise.all(ids.map((id) => call(rt, "POST", `/api/cases/${id}/events`, event)));
  await rt.clock.to("2026-11-21T11:45:00.000Z"); // warning (75 %)
  await rt.clock.to("2026-11-21T15:30:00.000Z"); // breach, escalation level 1
  await rt.clock.to("2026-11-22T15:30:00.000Z"); // escalation level 2
  await rt.clock.to("2026-11-22T15:45:00.000Z"); // Sunday 23:45 Beijing: an agent answers
  await eachCase({ type: "agentResponded", message: "Looking at it" });
  await rt.clock.to("2026-11-22T16:30:00.000Z");
  await eachCase({ type: "resolved", message: "Connector fixed" });
  await rt.clock.to("2026-11-22T17:00:00.000Z");
  await eachCase({ type: "closed" });
  await rt.clock.to("2026-12-08T00:00:00.000Z"); // past the 14-day reopen window
  await rt.drain();
  return ids;
}
