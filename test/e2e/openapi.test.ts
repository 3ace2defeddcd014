import { readFileSync } from "node:fs";
import { compileErrors, validate } from "@readme/openapi-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { routeDocs, routesOutsideTheDocument } from "../../functions/http/openapi/routes/index.js";
import { OpenApiResponses, type OpenApiDocument, type ReceivedAnswer } from "../support/openApiResponses.js";
import { request, tenants, UndocumentedAnswerError, useApp } from "./client.js";

/**
 * Issue 17: the OpenAPI document the app serves is the one in docs/openapi.json, it is valid, it describes
 * exactly the HTTP functions the app registers, and live answers conform to it (the e2e client checks every
 * answer; this file also shows that a drift on either side is caught).
 */
const app = useApp("2026-11-20T15:29:00.000Z");
const docsFile = JSON.parse(
  readFileSync(new URL("../../docs/openapi.json", import.meta.url), "utf8"),
) as OpenApiDocument;

let served: OpenApiDocument;
beforeAll(async () => {
  served = (await (await fetch(`${app.rt.url}/api/openapi.json`)).json()) as OpenApiDocument;
  expect((await app.api.put("/api/tenants/contoso-cn", tenants.vianet)).status).toBe(201);
}, 120_000);

/** A live answer, read raw (not through the client's own check). */
async function answer(method: string, path: string, body?: unknown): Promise<ReceivedAnswer> {
  const res = await fetch(app.rt.url + path, {
    method,
    headers: { "x-functions-key": app.rt.functionKey, "content-type": "application/json" },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { method, path, status: res.status, contentType: res.headers.get("content-type"), text: await res.text() };
}

describe("GET /api/openapi.json", () => {
  it("serves docs/openapi.json, anonymously, with an ETag that answers 304", async () => {
    const res = await fetch(`${app.rt.url}/api/openapi.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
    expect(await res.json()).toEqual(docsFile);
    const etag = res.headers.get("etag")!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const again = await fetch(`${app.rt.url}/api/openapi.json`, { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
  });

  it("is a valid OpenAPI 3.1 document (@readme/openapi-parser)", async () => {
    const result = await validate(structuredClone(served) as Parameters<typeof validate>[0]);
    expect(result.valid ? "" : compileErrors(result)).toBe("");
    expect(result.warnings).toEqual([]);
    expect(served.openapi).toBe("3.1.0");
  });
});

describe("the document and the registered functions", () => {
  interface Registered {
    readonly name: string;
    readonly methods: readonly string[];
    readonly path: string;
    readonly authLevel: string;
  }
  /** `GET /_local/functions` lines: `POST /api/cases (openCase, function)`. */
  async function registeredHttpFunctions(): Promise<Registered[]> {
    const lines = (await (await fetch(`${app.rt.url}/_local/functions`)).json()) as string[];
    return lines.flatMap((line) => {
      const m = /^(\S+) (\/\S*) \(([^,]+), (\w+)\)$/.exec(line);
      return m ? [{ methods: m[1]!.split(","), path: m[2]!, name: m[3]!, authLevel: m[4]! }] : [];
    });
  }
  // Route templates in the host's syntax ({id:int}, {*rest}) and the document's ({id}) compared alike.
  const normalise = (path: string) => path.replace(/\{\*?([^}:?]+)[^}]*\}/g, "{$1}");

  it("documents every HTTP function the app registers (and nothing else)", async () => {
    const registered = await registeredHttpFunctions();
    expect(registered.length).toBeGreaterThan(10);
    const server = served.servers![0]!.url;
    const documented = Object.entries(served.paths!).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => ({
        name: op.operationId!,
        method: method.toUpperCase(),
        path: normalise(server + path),
      })),
    );
    const outside = new Set(routesOutsideTheDocument.map((r) => r.name));
    const missing = registered
      .filter((fn) => !outside.has(fn.name))
      .flatMap((fn) =>
        fn.methods
          .filter((m) => !documented.some((d) => d.name === fn.name && d.method === m && d.path === normalise(fn.path)))
          .map(
            (m) =>
              `${m} ${fn.path} (app.http "${fn.name}") has no operation in the document: add a RouteDoc to functions/http/openapi/routes/`,
          ),
      );
    const stale = documented
      .filter(
        (d) =>
          !registered.some(
            (fn) => fn.name === d.name && fn.methods.includes(d.method) && normalise(fn.path) === d.path,
          ),
      )
      .map((d) => `the document's ${d.method} ${d.path} (operationId ${d.name}) is served by no registered function`);
    expect([...missing, ...stale]).toEqual([]);
  });

  it("says which credential each route needs, as it is registered (key mode)", async () => {
    for (const fn of await registeredHttpFunctions()) {
      const doc = routeDocs.find((d) => d.name === fn.name);
      if (doc === undefined) continue; // the test above names it
      const keyed = doc.access.kind === "staff" || doc.access.kind === "tenant";
      expect(`${fn.name}: ${fn.authLevel}`).toBe(`${fn.name}: ${keyed ? "function" : "anonymous"}`);
    }
  });
});

describe("live answers and the served document (issue 17 acceptance)", () => {
  const checker = () => new OpenApiResponses(served);
  let accepted: ReceivedAnswer;
  let caseRead: ReceivedAnswer;
  let refused: ReceivedAnswer;
  beforeAll(async () => {
    accepted = await answer("POST", "/api/cases", request("contoso-cn", "admin@contoso.cn"));
    const id = (JSON.parse(accepted.text) as { id: string }).id;
    caseRead = await answer("GET", `/api/cases/${id}`);
    refused = await answer("POST", "/api/cases", { ...request("contoso-cn", "admin@contoso.cn"), severity: "D" });
  });

  it("POST /api/cases 202, GET /api/cases/{id} 200 and a 422 problem conform", () => {
    expect([accepted.status, caseRead.status, refused.status]).toEqual([202, 200, 422]);
    expect(refused.contentType).toBe("application/problem+json");
    for (const a of [accepted, caseRead, refused]) expect(checker().problems(a)).toEqual([]);
  });

  it("fails when the document loses a field the answer carries", () => {
    const doc = structuredClone(served) as {
      components: { schemas: Record<string, { properties: object; required: string[] }> };
    };
    const staffCase = doc.components.schemas.StaffCase!;
    delete (staffCase.properties as Record<string, unknown>).pendingEvents;
    staffCase.required = staffCase.required.filter((f) => f !== "pendingEvents");
    const accepted202 = doc.components.schemas.Accepted!;
    delete (accepted202.properties as Record<string, unknown>).expectedWait;
    accepted202.required = accepted202.required.filter((f) => f !== "expectedWait");
    const lossy = new OpenApiResponses(doc as unknown as OpenApiDocument);
    expect(lossy.problems(caseRead).join("\n")).toMatch(/must NOT have additional properties "pendingEvents"/);
    expect(lossy.problems(accepted).join("\n")).toMatch(/must NOT have additional properties "expectedWait"/);
  });

  it("fails when an answer carries a field the closed schema does not name, or lacks one it requires", () => {
    const withExtra = { ...caseRead, text: JSON.stringify({ ...JSON.parse(caseRead.text), surprise: true }) };
    expect(checker().problems(withExtra).join("\n")).toMatch(/must NOT have additional properties "surprise"/);
    const { type: _type, ...untyped } = JSON.parse(refused.text) as Record<string, unknown>;
    expect(
      checker()
        .problems({ ...refused, text: JSON.stringify(untyped) })
        .join("\n"),
    ).toMatch(/must have required property 'type'/);
    const otherCode = { ...JSON.parse(refused.text), type: "urn:caseclock:problem:case-not-found" };
    expect(
      checker()
        .problems({ ...refused, text: JSON.stringify(otherCode) })
        .join("\n"),
    ).toMatch(/must be equal to one of the allowed values/);
  });

  it("the SLA report as CSV conforms (text/csv is documented beside the JSON); another media type does not", async () => {
    const csv = await answer("GET", "/api/reports/sla?from=2026-11&to=2026-11&format=csv");
    expect(csv.status).toBe(200);
    expect(csv.contentType).toMatch(/^text\/csv/);
    expect(csv.text.split("\r\n")[0]).toBe(
      "tenantId,month,severity,cases,met,breached,metPercent,medianFirstResponseMinutes,p90FirstResponseMinutes,breachedCases",
    );
    expect(checker().problems(csv)).toEqual([]);
    expect(
      checker()
        .problems({ ...csv, contentType: "text/plain" })
        .join("\n"),
    ).toMatch(/media type "text\/plain"/);
  });

  it("the client's response hook refuses an answer the document does not describe", async () => {
    const json = new Headers({ "content-type": "application/json" });
    await expect(app.api.checkAnswer("GET", caseRead.path, 200, json, caseRead.text)).resolves.toBeUndefined();
    const drifted = JSON.stringify({ ...JSON.parse(caseRead.text), surprise: true });
    await expect(app.api.checkAnswer("GET", caseRead.path, 200, json, drifted)).rejects.toThrow(
      UndocumentedAnswerError,
    );
    await expect(app.api.checkAnswer("GET", caseRead.path, 201, json, caseRead.text)).rejects.toThrow(
      /201 is not a documented answer of getCase/,
    );
  });

  it("fails on an undocumented status or route", () => {
    expect(checker().problems({ ...caseRead, status: 418 })).toEqual(["418 is not a documented answer of getCase"]);
    expect(checker().problems({ ...caseRead, method: "DELETE" })[0]).toMatch(/^no operation DELETE \/api\/cases\//);
  });
});
