import { connect } from "node:net";
import { beforeAll, describe, expect, it } from "vitest";
import { FORMS_SECRET, request, useApp, tenants } from "../e2e/client.js";
import { signWebhook } from "../../shared/webhooks/standardWebhooks.js";

/**
 * Issue 11, "Found from outside": each finding reproduced over HTTP exactly as the attack did, on the
 * local runtime. Every test here failed before its fix.
 */
const app = useApp("2026-11-20T10:00:00.000Z");
let caseId: string;
beforeAll(async () => {
  expect((await app.api.put("/api/tenants/contoso-cn", tenants.vianet)).status).toBe(201);
  caseId = (await app.api.post<{ id: string }>("/api/cases", request("contoso-cn", "admin@contoso.cn"))).body.id;
}, 120_000);

const PROTOTYPE_KEYS = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"];

async function send(method: string, path: string, headers: Record<string, string> = {}, body?: string) {
  const res = await fetch(app.rt.url + path, { method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await res.text();
  await app.api.checkAnswer(method, path, res.status, res.headers, text);
  return { status: res.status, type: res.headers.get("content-type") ?? "", text };
}

function expectProblem(res: { status: number; type: string; text: string }, status: number, code?: string) {
  expect(res.status, res.text).toBe(status);
  expect(res.type).toContain("application/problem+json");
  if (code !== undefined) expect(JSON.parse(res.text)).toMatchObject({ type: `urn:caseclock:problem:${code}` });
}

const key = () => ({ "x-functions-key": app.rt.functionKey });
const principalHeader = (json: string) => ({ "x-ms-client-principal": Buffer.from(json).toString("base64") });

describe("2. 5xx from hostile input", () => {
  it("an intake source named like an Object.prototype member is an unknown source (404), signed or not", async () => {
    const now = Math.floor((await app.rt.clock.now()).getTime() / 1000);
    const body = JSON.stringify(request("contoso-cn", "admin@contoso.cn"));
    for (const source of PROTOTYPE_KEYS) {
      const res = await send(
        "POST",
        `/api/intake/${source}`,
        {
          "content-type": "application/json",
          "webhook-id": `m-${source}`,
          "webhook-timestamp": String(now),
          "webhook-signature": signWebhook(FORMS_SECRET, `m-${source}`, now, body),
        },
        body,
      );
      expectProblem(res, 404, "unknown-source");
    }
  });

  it("a malformed x-ms-client-principal is 401 unauthenticated on every role-checked route", async () => {
    const shapes = ["null", '{"claims":"x"}', '{"claims":[null]}', '{"user_roles":5}', "[]", '"x"', "{", "7"];
    const routes: Array<[string, string, string?]> = [
      ["GET", "/api/cases"],
      ["GET", `/api/cases/${caseId}`],
      ["POST", `/api/cases/${caseId}/events`, JSON.stringify({ type: "agentResponded" })],
      ["GET", "/api/tenants/contoso-cn"],
      ["GET", "/api/tenants/contoso-cn/cases"],
      ["GET", `/api/tenants/contoso-cn/cases/${caseId}`],
      ["POST", "/api/sla/preview", "{}"],
    ];
    for (const shape of shapes)
      for (const [method, path, body] of routes) {
        const res = await send(
          method,
          path,
          { ...key(), ...principalHeader(shape), "content-type": "application/json" },
          body,
        );
        expectProblem(res, 401, "unauthenticated");
      }
  });

  it("a continuation token with valid filters and a forged inner token is 422, never a database error", async () => {
    const forge = (filters: string, inner: string) =>
      Buffer.from(JSON.stringify({ f: filters, c: inner })).toString("base64url");
    for (const inner of ['{"x":1}', "[1,2]", "-1", "1e999", '[{"token":"zz","range":{"min":"","max":"FF"}}]'])
      for (const [filters, query] of [
        ["[null,null]", ""],
        ['["contoso-cn",null]', "&tenantId=contoso-cn"],
      ] as const) {
        const res = await send("GET", `/api/cases?continuation=${forge(filters, inner)}${query}`, key());
        expectProblem(res, 422, "validation-failed");
      }
  });
});

describe("key mode (CASECLOCK_AUTH_MODE=key, the local default)", () => {
  it("an x-ms-client-principal header grants nothing without the function key (App Service strips it only with its authentication on)", async () => {
    const forged = principalHeader(
      JSON.stringify({
        auth_typ: "aad",
        claims: [
          { typ: "roles", val: "Admin" },
          { typ: "caseclock_tenant", val: "contoso-cn" },
        ],
      }),
    );
    for (const [method, path] of [
      ["GET", "/api/cases"],
      ["GET", `/api/cases/${caseId}`],
      ["GET", "/api/tenants/contoso-cn"],
      ["GET", "/api/tenants/contoso-cn/cases"],
      ["GET", `/api/tenants/contoso-cn/cases/${caseId}`],
    ] as const)
      expect((await send(method, path, forged)).status, `${method} ${path}`).toBe(401);
  });
});

describe("3. ?code= on every route", () => {
  it("the list routes take the function key as ?code= like every other route", async () => {
    const code = encodeURIComponent(app.rt.functionKey);
    expect((await send("GET", `/api/cases?code=${code}`)).status).toBe(200);
    expect((await send("GET", `/api/cases?code=${code}&tenantId=contoso-cn&limit=5`)).status).toBe(200);
    expect((await send("GET", `/api/tenants/contoso-cn/cases?code=${code}`)).status).toBe(200);
    expect((await send("GET", `/api/cases/${caseId}?code=${code}`)).status).toBe(200);
  });
});

describe("4. Idempotency-Key compares the parsed JSON", () => {
  it("the same JSON with other whitespace and key order replays the first answer; other content is 422", async () => {
    const body = request("contoso-cn", "admin@contoso.cn", { title: "Canonical" });
    const headers = { ...key(), "content-type": "application/json", "idempotency-key": '"canon-1"' };
    const first = await send("POST", "/api/cases", headers, JSON.stringify(body));
    expect(first.status).toBe(202);
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const again = await send("POST", "/api/cases", headers, JSON.stringify(reordered, null, 2) + "\n");
    expect(again.status, again.text).toBe(202);
    expect(JSON.parse(again.text)).toEqual(JSON.parse(first.text));
    const escaped = await send(
      "POST",
      "/api/cases",
      headers,
      JSON.stringify(body).replace("Canonical", "Canon\\u0069cal"),
    );
    expect(escaped.status, escaped.text).toBe(202);
    const other = await send("POST", "/api/cases", headers, JSON.stringify({ ...body, title: "Canonical!" }));
    expectProblem(other, 422, "idempotency-key-reused");
  });
});

describe("8. control characters at the boundary", () => {
  it("refuses NUL, ESC and other control characters and lone surrogates in text fields", async () => {
    const headers = { ...key(), "content-type": "application/json" };
    for (const title of ["a\u0000b", "a\u001b[31mc", "x\u007f", "x\u0085y\u0000", "a\uD800b", "\uDC00"]) {
      const res = await send(
        "POST",
        "/api/cases",
        headers,
        JSON.stringify(request("contoso-cn", "admin@contoso.cn", { title })),
      );
      expectProblem(res, 422, "validation-failed");
      expect(JSON.parse(res.text).errors[0].pointer).toBe("/title");
    }
    const tenant = await send(
      "PUT",
      "/api/tenants/ctl-tenant",
      headers,
      JSON.stringify({ ...tenants.vianet, name: "Contoso\u0007" }),
    );
    expectProblem(tenant, 422, "validation-failed");
  });

  it("makes a title single-line (CR, LF, tabs become one space) and keeps line breaks of descriptions", async () => {
    const res = await send(
      "POST",
      "/api/cases",
      { ...key(), "content-type": "application/json" },
      JSON.stringify(
        request("contoso-cn", "admin@contoso.cn", { title: "Mail\r\nBcc: x@y\t ok", description: "line 1\r\nline 2" }),
      ),
    );
    expect(res.status, res.text).toBe(202);
    const view = await app.api.get<{ title: string; description?: string }>(`/api/cases/${JSON.parse(res.text).id}`);
    expect(view.body.title).toBe("Mail Bcc: x@y ok");
  });

  it("intake refuses a body that is not JSON with 415, like the other routes", async () => {
    const now = Math.floor((await app.rt.clock.now()).getTime() / 1000);
    const body = JSON.stringify(request("contoso-cn", "admin@contoso.cn"));
    const res = await send(
      "POST",
      "/api/intake/forms",
      {
        "content-type": "text/plain",
        "webhook-id": "m-text-plain",
        "webhook-timestamp": String(now),
        "webhook-signature": signWebhook(FORMS_SECRET, "m-text-plain", now, body),
      },
      body,
    );
    expectProblem(res, 415, "unsupported-media-type");
  });
});

/** A raw HTTP/1.1 exchange: fetch cannot send a malformed Host header. */
function rawRequest(text: string): Promise<string> {
  const url = new URL(app.rt.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), "127.0.0.1", () => socket.end(text));
    let answer = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => (answer += chunk));
    socket.on("end", () => resolve(answer));
    socket.on("error", reject);
  });
}

describe("10. malformed Host header", () => {
  it("is answered 400 on every kind of route, never 500", async () => {
    for (const host of ["[bad", "a b", "exa mple.com:80", "x:99999999", "%zz"])
      for (const path of ["/api/health", "/api/cases", "/api/intake/forms", "/_local/clock", "/nowhere"]) {
        const answer = await rawRequest(`GET ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
        expect(answer.slice(0, 12), `${host} ${path}`).toBe("HTTP/1.1 400");
      }
  });
});

describe("6. the runtime's request log", () => {
  it("never prints a raw path, so personal data in a URL does not reach the log", async () => {
    await send("GET", "/api/cases/jane.doe@example.com", key());
    await send("GET", "/api/tenants/contoso-cn/cases/jane.roe@example.com", key());
    await send("POST", "/api/intake/jane.poe@example.com", { "content-type": "application/json" }, "{}");
    await send("GET", "/api/cases/+33612345678", key());
    await app.rt.drain();
    const lines = app.rt.logs();
    expect(lines.some((l) => l.includes("getCase"))).toBe(true);
    for (const line of lines) {
      expect(line).not.toMatch(/jane\.[a-z]oe/);
      expect(line).not.toContain("example.com");
      expect(line).not.toContain("612345678");
    }
  });
});
