import { type RuntimeProcess } from "../support/runtimeProcess.js";
import { FORMS_SECRET, request, tenants } from "../e2e/client.js";
import { signWebhook } from "../../shared/webhooks/standardWebhooks.js";

/**
 * A deterministic slice of support life, replayable step by step: every step is idempotent (webhook ids,
 * Idempotency-Keys, a forward-only clock), so a driver may repeat the step a crash interrupted, and every
 * call retries on 5xx, dropped connections and "first request still in flight", as a well-behaved client
 * does. The final state of the store and the outbox is then compared with an undisturbed run.
 */
export const SCENARIO_START = "2026-11-20T15:29:00.000Z";

export interface Step {
  readonly name: string;
  run(rt: RuntimeProcess): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One HTTP call, retried until it gets a final answer (anything but 5xx, 409 in-flight or a network error). */
async function call(
  rt: RuntimeProcess,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: unknown }> {
  for (let attempt = 0; attempt < 400; attempt++) {
    try {
      const res = await fetch(rt.url + path, {
        method,
        headers: { "x-functions-key": rt.functionKey, "content-type": "application/json", ...headers },
        ...(body !== undefined ? { body: typeof body === "string" ? body : JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(20_000),
      });
      const text = await res.text();
      const json = text === "" ? undefined : (JSON.parse(text) as unknown);
      const inFlight =
        res.status === 409 &&
        (json as { type?: string } | undefined)?.type === "urn:caseclock:problem:request-in-flight";
      if (res.status < 500 && !inFlight) return { status: res.status, json };
    } catch {
      // Connection refused or reset (the runtime is restarting, or a fault was injected): retry.
    }
    await sleep(Math.min(50 * (attempt + 1), 500));
  }
  throw new Error(`${method} ${path}: no final answer`);
}

async function expectStatus(
  rt: RuntimeProcess,
  expected: number[],
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) {
  const { status, json } = await call(rt, method, path, body, headers);
  if (!expected.includes(status))
    throw new Error(`${method} ${path} → ${status} ${JSON.stringify(json).slice(0, 300)}`);
  return json;
}

async function clockTo(rt: RuntimeProcess, instant: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    try {
      const now = await rt.clock.now();
      if (now.getTime() >= Date.parse(instant)) {
        await rt.drain();
        return;
      }
      await rt.clock.to(instant);
      return;
    } catch {
      await sleep(100);
    }
  }
  throw new Error(`clock to ${instant}: no answer`);
}

async function webhook(rt: RuntimeProcess, id: string, payload: unknown) {
  const raw = JSON.stringify(payload);
  for (let attempt = 0; attempt < 400; attempt++) {
    try {
      const ts = Math.floor((await rt.clock.now()).getTime() / 1000);
      const res = await fetch(`${rt.url}/api/intake/forms`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "webhook-id": id,
          "webhook-timestamp": String(ts),
          "webhook-signature": signWebhook(FORMS_SECRET, id, ts, raw),
        },
        body: raw,
        signal: AbortSignal.timeout(20_000),
      });
      const text = await res.text();
      if (res.status === 202) return JSON.parse(text) as { id: string };
      if (res.status < 500 && res.status !== 409)
        throw new Error(`webhook ${id} → ${res.status} ${text.slice(0, 300)}`);
    } catch (error) {
      if (error instanceof Error && error.message.startsWith("webhook ")) throw error;
    }
    await sleep(Math.min(50 * (attempt + 1), 500));
  }
  throw new Error(`webhook ${id}: no final answer`);
}

/** Case ids are learnt from the answers; a replayed step gets the same ids (deterministic from the key). */
export interface ScenarioCases {
  b?: string;
  a?: string;
  capped?: string;
  c?: string;
}

export function scenario(cases: ScenarioCases): Step[] {
  const open = (key: string, body: unknown, set: (id: string) => void): Step => ({
    name: `open ${key}`,
    run: async (rt) =>
      set(
        (
          (await expectStatus(rt, [202], "POST", "/api/cases", body, { "idempotency-key": `"${key}"` })) as {
            id: string;
          }
        ).id,
      ),
  });
  const event = (caseOf: () => string | undefined, key: string, body: unknown): Step => ({
    name: `event ${key}`,
    run: async (rt) =>
      void (await expectStatus(rt, [200, 202], "POST", `/api/cases/${caseOf()!}/events`, body, {
        "idempotency-key": `"${key}"`,
      })),
  });
  const clock = (instant: string): Step => ({ name: `clock ${instant}`, run: (rt) => clockTo(rt, instant) });
  return [
    {
      name: "tenant contoso",
      run: async (rt) => void (await expectStatus(rt, [200, 201], "PUT", "/api/tenants/contoso-cn", tenants.vianet)),
    },
    {
      name: "tenant fabrikam",
      run: async (rt) =>
        void (await expectStatus(rt, [200, 201], "PUT", "/api/tenants/fabrikam-cn", tenants.vianetNoAgreement)),
    },
    clock("2026-11-20T15:30:00.000Z"),
    {
      name: "webhook sev B",
      run: async (rt) => void (cases.b = (await webhook(rt, "scn-b", request("contoso-cn", "admin@contoso.cn"))).id),
    },
    {
      name: "webhook sev A",
      run: async (rt) =>
        void (cases.a = (
          await webhook(
            rt,
            "scn-a",
            request("contoso-cn", "admin@contoso.cn", { severity: "A", impactStatement: "Nobody can send mail" }),
          )
        ).id),
    },
    open(
      "scn-capped",
      request("fabrikam-cn", "admin@fabrikam.fr", { severity: "A", impactStatement: "All users" }),
      (id) => (cases.capped = id),
    ),
    open(
      "scn-c",
      request("contoso-cn", "admin@contoso.cn", { severity: "C", category: "billing" }),
      (id) => (cases.c = id),
    ),
    clock("2026-11-20T15:45:00.000Z"),
    event(() => cases.a, "scn-e1", { type: "agentResponded", message: "On it" }),
    clock("2026-11-20T16:00:00.000Z"),
    event(() => cases.a, "scn-e2", { type: "awaitingCustomer", reason: "Need the trace" }),
    event(() => cases.c, "scn-e3", { type: "awaitingCustomer" }),
    clock("2026-11-21T12:00:00.000Z"),
    event(() => cases.capped, "scn-e4", { type: "resolved", message: "Fixed" }),
    event(() => cases.capped, "scn-e5", { type: "closed" }),
    clock("2026-11-22T16:00:00.000Z"),
    event(() => cases.b, "scn-e6", { type: "agentResponded" }),
    event(() => cases.a, "scn-e7", { type: "customerResponded" }),
    clock("2026-11-26T00:00:00.000Z"),
    event(() => cases.capped, "scn-e8", { type: "reopened", reason: "Back again" }),
    event(() => cases.b, "scn-e9", { type: "severityChanged", severity: "C", reason: "One user" }),
    clock("2026-11-28T00:00:00.000Z"),
  ];
}

export interface Outcome {
  /** Every stored case's state, by id. */
  readonly cases: Record<string, unknown>;
  /** Every message id in the outbox (each file exists once by construction; the list shows duplicates of content). */
  readonly outbox: string[];
  /** Cases whose orchestration's custom status disagrees with the stored document. */
  readonly inconsistent: string[];
}

/** Reads everything the scenario produced, after letting pending work finish. */
export async function outcome(rt: RuntimeProcess): Promise<Outcome> {
  await rt.drain();
  const list = (await expectStatus(rt, [200], "GET", "/api/cases?limit=100")) as {
    items: Array<{ id: string; tenantId: string }>;
  };
  const cases: Record<string, unknown> = {};
  const inconsistent: string[] = [];
  for (const item of list.items) {
    const doc = (await expectStatus(rt, [200], "GET", `/api/cases/${item.id}`)) as {
      version: number;
      status: string;
      severity: string;
      escalationLevel: number;
      pendingEvents: number;
    };
    const { pendingEvents: _pending, ...view } = doc as Record<string, unknown> & { pendingEvents: number };
    cases[item.id] = view;
    const instance = (await (
      await fetch(`${rt.url}/_local/durable/instances/${encodeURIComponent(`case:${item.tenantId}:${item.id}`)}`)
    ).json()) as { runtimeStatus: string; customStatus: string | null };
    const custom =
      instance.customStatus === null
        ? undefined
        : (JSON.parse(instance.customStatus) as {
            version: number;
            status: string;
            severity: string;
            escalationLevel: number;
          });
    if (
      custom === undefined ||
      custom.version !== doc.version ||
      custom.status !== doc.status ||
      custom.severity !== doc.severity ||
      custom.escalationLevel !== doc.escalationLevel ||
      !["Running", "Pending", "ContinuedAsNew"].includes(instance.runtimeStatus)
    ) {
      inconsistent.push(
        `${item.id}: doc v${doc.version} ${doc.status} ${doc.severity} L${doc.escalationLevel}; orchestration ${instance.runtimeStatus} ${instance.customStatus}`,
      );
    }
  }
  const outbox = ((await (await fetch(`${rt.url}/_local/outbox`)).json()) as Array<{ id: string }>)
    .map((m) => m.id)
    .sort();
  return { cases, outbox, inconsistent };
}
