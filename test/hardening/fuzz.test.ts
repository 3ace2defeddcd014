import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHmac } from "node:crypto";
import { FORMS_SECRET, MSFORMS_SECRET, request, useApp, tenants } from "../e2e/client.js";
import { signWebhook } from "../../shared/webhooks/standardWebhooks.js";
import { tallyDelivery, typeformDelivery } from "../support/formDeliveries.js";

/**
 * Hostile input on every route (issue "Reliability and security"): whatever the body, headers or query,
 * the answer is a 4xx problem+json (or a success for input that happens to be valid), never a 5xx, and
 * nothing is stored for refused input.
 */
let caseId: string;
let fuzzCases = 0;

const TYPEFORM_SECRET = "fuzz-typeform-secret-0123456789";
const TALLY_SECRET = "fuzz-tally-signing-secret-0123456";
const FLOW_SECRET = "fuzz-flow-shared-secret-".padEnd(48, "x");
const app = useApp("2026-11-20T10:00:00.000Z", {
  CASECLOCK_BODY_LIMIT_BYTES: "65536",
  // Every scheme and every adapter, so each settings map and each adapter is fuzzed.
  CASECLOCK_WEBHOOK_SECRETS: JSON.stringify({
    forms: [FORMS_SECRET],
    msforms: [MSFORMS_SECRET],
    typeform: { scheme: "typeform", secrets: [TYPEFORM_SECRET] },
    tally: { scheme: "tally", secrets: [TALLY_SECRET] },
    flow: { scheme: "shared-secret", secrets: [FLOW_SECRET] },
  }),
  CASECLOCK_INTAKE_ADAPTERS: JSON.stringify({
    forms: "json",
    msforms: "microsoft-forms",
    typeform: "typeform",
    tally: "tally",
    flow: "microsoft-forms",
  }),
});
beforeAll(async () => {
  expect((await app.api.put("/api/tenants/contoso-cn", tenants.vianet)).status).toBe(201);
  const opened = await app.api.post<{ id: string }>("/api/cases", request("contoso-cn", "admin@contoso.cn"));
  caseId = opened.body.id;
}, 120_000);

afterAll(async () => {
  console.log(`fuzz cases run: ${fuzzCases}`);
});

const nasty = fc.oneof(
  fc.constantFrom(
    "__proto__",
    "constructor",
    "prototype",
    "\u0000",
    "\uD800",
    "\u202E",
    "🙂".repeat(50),
    "a".repeat(70_000),
    "<script>",
    "' OR 1=1 --",
    "../../etc/passwd",
    "NaN",
    "-1",
    "1e309",
    "Europe/Nowhere",
    "2026-02-30",
    "24:00",
    "+0",
    "",
  ),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ maxLength: 40 }),
);
const jsonish: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    nasty,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(nasty, tie("value"), { maxKeys: 5 }),
  ),
})).value;

const PROTOTYPE_KEY = fc.constantFrom(
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "valueOf",
  "isPrototypeOf",
  "__defineGetter__",
);

/** What must never be stored in a single-line field: controls, line separators, unpaired surrogates. */
// eslint-disable-next-line no-control-regex -- the property is about control characters
const STORED_CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])/;

const principalHeaders = (principal: unknown) => ({
  "x-ms-client-principal": Buffer.from(JSON.stringify(principal)).toString("base64"),
});

/** Percent-encodes every UTF-8 byte (lone surrogates become U+FFFD), plus raw malformed escapes. */
const pct = (s: string) => Array.from(Buffer.from(s, "utf8"), (b) => `%${b.toString(16).padStart(2, "0")}`).join("");
const pathSegment = fc.oneof(nasty.map(pct), fc.constantFrom("%", "%E0%A4%A", "%ZZ", "..", "%2e%2e", "%00", "a%2Fb"));

/** A body: sometimes a mutated valid request, sometimes arbitrary JSON, sometimes not JSON at all. */
function bodies(valid: Record<string, unknown>): fc.Arbitrary<string> {
  const mutated = fc
    .tuple(fc.constantFrom(...Object.keys(valid), "__proto__", "constructor", "extra"), jsonish)
    .map(([key, value]) => JSON.stringify({ ...valid, [key]: value }));
  const protoPolluted = fc.constant(`{"__proto__":{"admin":true},${JSON.stringify(valid).slice(1)}`);
  return fc.oneof(
    mutated,
    protoPolluted,
    jsonish.map((v) => JSON.stringify(v) ?? "null"),
    fc.string({ unit: "binary", maxLength: 200 }),
    fc.constantFrom("", "{", "[]", "null", '{"a":1}x', "\uFEFF{}"),
  );
}

async function assertHandled(
  method: string,
  path: string,
  body: string | undefined,
  headers: Record<string, string> = {},
): Promise<number> {
  fuzzCases += 1;
  const res = await fetch(app.rt.url + path, {
    method,
    headers: { "x-functions-key": app.rt.functionKey, "content-type": "application/json", ...headers },
    ...(body !== undefined ? { body } : {}),
  });
  const text = await res.text();
  await app.api.checkAnswer(method, path, res.status, res.headers, text);
  const where = `${method} ${path.slice(0, 120)} → ${res.status} ${text.slice(0, 200)}`;
  expect(res.status, where).toBeLessThan(500);
  // 414/431 come from the HTTP server itself (request line or headers over its limits), before any function.
  if (res.status >= 400 && res.status !== 404 && res.status !== 414 && res.status !== 431) {
    expect(res.headers.get("content-type"), where).toContain("application/problem+json");
    const problem = JSON.parse(text) as { type: string; status: number };
    expect(problem.type).toMatch(/^urn:caseclock:problem:/);
    expect(problem.status).toBe(res.status);
  }
  return res.status;
}

const caseCount = async () =>
  ((await app.api.get<{ items: unknown[] }>("/api/cases?limit=100")).body.items ?? []).length;

describe("fuzzing every route", () => {
  const runs = Number(process.env.CASECLOCK_FUZZ_RUNS ?? 40);

  it("POST /api/cases refuses bad input with problem+json and opens no case", async () => {
    const before = await caseCount();
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(bodies(request("contoso-cn", "admin@contoso.cn")), async (body) => {
        if ((await assertHandled("POST", "/api/cases", body)) === 202) accepted += 1;
      }),
      { numRuns: runs * 3 },
    );
    expect(await caseCount()).toBe(before + accepted);
  });

  it("POST /api/cases/{id}/events", async () => {
    await fc.assert(
      fc.asyncProperty(
        bodies({ type: "severityChanged", severity: "A", reason: "x" }),
        async (body) => void (await assertHandled("POST", `/api/cases/${caseId}/events`, body)),
      ),
      { numRuns: runs * 2 },
    );
  });

  it("PUT /api/tenants/{id} and the id itself", async () => {
    await fc.assert(
      fc.asyncProperty(
        bodies(tenants.vianet),
        fc.oneof(fc.constant("fuzz-tenant"), pathSegment),
        async (body, id) => void (await assertHandled("PUT", `/api/tenants/${id || "x"}`, body)),
      ),
      { numRuns: runs * 2 },
    );
  });

  it("POST /api/sla/preview", async () => {
    const valid = {
      preset: "office365-2014",
      plan: "midsize-business",
      category: "technical",
      severity: "B",
      receivedAt: "2026-11-20T16:30:00+01:00",
      timeZone: "Europe/Paris",
    };
    await fc.assert(
      fc.asyncProperty(bodies(valid), async (body) => void (await assertHandled("POST", "/api/sla/preview", body))),
      { numRuns: runs * 2 },
    );
  });

  it("POST /api/verifications and confirm", async () => {
    await fc.assert(
      fc.asyncProperty(
        bodies({ tenantId: "contoso-cn", phone: "+8613800000001" }),
        async (body) => void (await assertHandled("POST", "/api/verifications", body)),
      ),
      { numRuns: runs },
    );
    await fc.assert(
      fc.asyncProperty(
        bodies({ code: "123456" }),
        pathSegment,
        async (body, id) => void (await assertHandled("POST", `/api/verifications/${id || "x"}/confirm`, body)),
      ),
      { numRuns: runs },
    );
  });

  it("GET routes with hostile ids and queries", async () => {
    await fc.assert(
      fc.asyncProperty(pathSegment, pathSegment, pathSegment, async (a, b, c) => {
        await assertHandled("GET", `/api/cases/${a || "x"}`, undefined);
        await assertHandled("GET", `/api/cases?tenantId=${a}&status=${b}&limit=${c}`, undefined);
        await assertHandled("GET", `/api/cases?continuation=${b}&extra=${c}`, undefined);
        await assertHandled("GET", `/api/tenants/${c || "x"}`, undefined);
        await assertHandled("GET", `/api/verifications/${a || "x"}`, undefined);
      }),
      { numRuns: runs },
    );
  });

  it("POST /api/intake/{source}: hostile headers and bodies are 4xx, and store nothing", async () => {
    const before = await caseCount();
    const now = Math.floor((await app.rt.clock.now()).getTime() / 1000);
    await fc.assert(
      fc.asyncProperty(
        bodies(request("contoso-cn", "admin@contoso.cn")),
        fc.option(nasty),
        fc.option(nasty),
        fc.option(nasty),
        async (body, id, ts, sig) => {
          const headers: Record<string, string> = {};
          // Header values must be ByteStrings for fetch; anything else is not sendable at all.
          for (const [k, v] of [
            ["webhook-id", id],
            ["webhook-timestamp", ts],
            ["webhook-signature", sig],
          ] as const)
            if (v !== null && /^[\x20-\x7e]*$/.test(v)) headers[k] = v;
          await assertHandled("POST", "/api/intake/forms", body, headers);
        },
      ),
      { numRuns: runs * 2 },
    );
    // Validly signed but invalid bodies: still 4xx, still nothing stored.
    await fc.assert(
      fc.asyncProperty(bodies(request("contoso-cn", "user@contoso.cn")), fc.uuid(), async (body, id) => {
        const status = await assertHandled("POST", "/api/intake/forms", body, {
          "webhook-id": id,
          "webhook-timestamp": String(now),
          "webhook-signature": signWebhook(FORMS_SECRET, id, now, body),
        });
        expect(status).not.toBe(202);
      }),
      { numRuns: runs },
    );
    expect(await caseCount()).toBe(before);
  });

  it("refuses bodies over the limit with 413 before parsing", async () => {
    const huge = JSON.stringify({ ...request("contoso-cn", "admin@contoso.cn"), description: "x".repeat(70_000) });
    expect(await assertHandled("POST", "/api/cases", huge)).toBe(413);
    expect(
      await assertHandled("POST", "/api/intake/forms", huge, {
        "webhook-id": "m",
        "webhook-timestamp": "1",
        "webhook-signature": "v1,x",
      }),
    ).toBe(413);
  });

  it("prototype keys in every map lookup: path segments, query keys, header names, JSON keys, claims", async () => {
    const now = Math.floor((await app.rt.clock.now()).getTime() / 1000);
    await fc.assert(
      fc.asyncProperty(PROTOTYPE_KEY, jsonish, async (k, value) => {
        const signed = JSON.stringify(request("contoso-cn", "admin@contoso.cn"));
        expect(
          await assertHandled("POST", `/api/intake/${k}`, signed, {
            "webhook-id": `p-${k}`,
            "webhook-timestamp": String(now),
            "webhook-signature": signWebhook(FORMS_SECRET, `p-${k}`, now, signed),
          }),
        ).toBe(404);
        for (const path of [
          `/api/cases/${k}`,
          `/api/cases/${k}.${k}`,
          `/api/cases/contoso-cn.${k}`,
          `/api/tenants/${k}`,
          `/api/tenants/${k}/cases`,
          `/api/tenants/contoso-cn/cases/${k}`,
          `/api/verifications/${k}`,
          `/api/cases?${k}=1`,
          `/api/cases?tenantId=${k}&status=${k}`,
          `/api/tenants/contoso-cn/cases?${k}=${k}`,
        ])
          await assertHandled("GET", path, undefined, { [k]: "x" });
        await assertHandled("POST", `/api/cases/${caseId}/events`, JSON.stringify({ type: k, [k]: value }));
        await assertHandled(
          "PUT",
          "/api/tenants/proto-tenant",
          JSON.stringify({ ...tenants.vianet, [k]: value, admins: [{ ...tenants.vianet.admins[0], [k]: value }] }),
        );
        // Each adapter, validly signed, with the key as question, hidden field or label.
        const typeform = JSON.stringify({
          ...typeformDelivery,
          form_response: {
            ...typeformDelivery.form_response,
            token: `p-${k}-${fuzzCases}`,
            hidden: { [k]: value },
            definition: { fields: [{ id: k, title: k, ref: k }] },
            answers: [{ type: k, [k]: value, field: { id: k, ref: k } }],
          },
        });
        await assertHandled("POST", "/api/intake/typeform", typeform, {
          "typeform-signature": "sha256=" + createHmac("sha256", TYPEFORM_SECRET).update(typeform).digest("base64"),
        });
        const tally = {
          ...tallyDelivery,
          data: { ...tallyDelivery.data, fields: [{ label: k, type: k, value, options: [{ id: value, text: k }] }] },
        };
        await assertHandled("POST", "/api/intake/tally", JSON.stringify(tally), {
          "tally-signature": createHmac("sha256", TALLY_SECRET).update(JSON.stringify(tally)).digest("base64"),
        });
        await assertHandled("POST", "/api/intake/flow", JSON.stringify({ [k]: value, responseId: k }), {
          "caseclock-intake-secret": FLOW_SECRET,
        });
        // A principal whose claims and members are prototype names.
        const principal = JSON.parse(
          `{"${k}":{"claims":[]},"claims":[{"typ":"${k}","val":"Admin"},{"typ":"roles","val":"${k}"}]}`,
        ) as unknown;
        expect(await assertHandled("GET", "/api/cases", undefined, principalHeaders(principal))).toBe(403);
      }),
      { numRuns: runs },
    );
  });

  it("malformed x-ms-client-principal headers on every role-checked route are 401 or 403, never 5xx", async () => {
    const routes: Array<[string, string, string?]> = [
      ["GET", "/api/cases"],
      ["GET", `/api/cases/${caseId}`],
      ["POST", `/api/cases/${caseId}/events`, JSON.stringify({ type: "agentResponded" })],
      ["GET", "/api/tenants/contoso-cn"],
      ["GET", "/api/tenants/contoso-cn/cases"],
      ["POST", "/api/sla/preview", "{}"],
    ];
    const header = fc.oneof(
      jsonish.map((v) => Buffer.from(JSON.stringify(v) ?? "null").toString("base64")),
      fc
        .record({ auth_typ: jsonish, claims: fc.array(jsonish, { maxLength: 3 }), role_typ: jsonish })
        .map((v) => Buffer.from(JSON.stringify(v)).toString("base64")),
      fc.string({ maxLength: 60 }).filter((v) => /^[\x20-\x7e]*$/.test(v)),
    );
    await fc.assert(
      fc.asyncProperty(header, fc.constantFrom(...routes), async (value, [method, path, body]) => {
        const status = await assertHandled(method, path, body, { "x-ms-client-principal": value });
        // 431: a header over the server's limit. 404 on the tenant-scoped route: a well-formed principal
        // without that tenant's claim sees it as not existing (a fuzz run once made {"claims":[]}).
        const allowed = path.endsWith("/contoso-cn/cases") ? [200, 401, 403, 404, 422, 431] : [200, 401, 403, 422, 431];
        expect(allowed).toContain(status);
      }),
      { numRuns: runs * 2 },
    );
  });

  it("continuation tokens with valid filters and forged inner tokens are 422 (or a page), never 5xx", async () => {
    const inner = fc.oneof(
      fc.string({ maxLength: 80 }),
      jsonish.map((v) => JSON.stringify(v) ?? "null"),
    );
    await fc.assert(
      fc.asyncProperty(
        inner,
        fc.constantFrom(
          ["[null,null]", "/api/cases?"],
          ['["contoso-cn",null]', "/api/cases?tenantId=contoso-cn&"],
          ['[null,"open"]', "/api/cases?status=open&"],
          ['["contoso-cn",null]', "/api/tenants/contoso-cn/cases?"],
        ),
        async (c, [f, path]) => {
          const token = Buffer.from(JSON.stringify({ f, c })).toString("base64url");
          const status = await assertHandled("GET", `${path}continuation=${token}`, undefined);
          expect([200, 414, 422, 431]).toContain(status); // 414/431: a URL over the server's limit
        },
      ),
      { numRuns: runs * 2 },
    );
  });

  it("control characters and lone surrogates are refused or normalised at the boundary, never stored", async () => {
    const controlled = fc
      .array(
        fc.oneof(
          fc.constantFrom(
            "\u0000",
            "\u001b[31m",
            "\r\n",
            "\u0085",
            "\u2028",
            "\t",
            "\uD800",
            "\uDC00",
            "\u007f",
            "\u009b",
          ),
          fc.string({ maxLength: 8 }),
        ),
        { minLength: 1, maxLength: 6 },
      )
      .map((parts) => parts.join(""));
    await fc.assert(
      fc.asyncProperty(controlled, controlled, async (title, description) => {
        const body = JSON.stringify(request("contoso-cn", "admin@contoso.cn", { title, description }));
        const res = await fetch(app.rt.url + "/api/cases", {
          method: "POST",
          headers: { "x-functions-key": app.rt.functionKey, "content-type": "application/json" },
          body,
        });
        fuzzCases += 1;
        const answer = (await res.json()) as { id?: string };
        expect([202, 422]).toContain(res.status);
        if (res.status === 202) {
          const view = await app.api.get<{ title: string }>(`/api/cases/${answer.id!}`);
          expect(view.body.title).not.toMatch(STORED_CONTROL);
        }
      }),
      { numRuns: runs },
    );
  });
});
