import { HttpRequest, InvocationContext } from "@azure/functions";
import { describe, expect, it } from "vitest";
import { httpHandler } from "../../../functions/http/handler.js";

const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined } as const;
const context = () =>
  new InvocationContext({ functionName: "t", invocationId: "1", logHandler: () => undefined, ...quiet });
const request = () => new HttpRequest({ url: "https://caseclock.example/api/cases/x/events", method: "POST" });

describe("the HTTP shell", () => {
  it("answers Cosmos DB's 413 (an item over 2 MB) with a document-too-large problem, not a 500", async () => {
    // How @azure/cosmos surfaces it (test/local/cosmosLimits.test.ts): an ErrorResponse with code 413.
    const refused = Object.assign(new Error("Message: Request size is too large"), {
      code: 413,
      substatus: 0,
      body: { code: "RequestEntityTooLarge" },
    });
    const response = await httpHandler("t", () => Promise.reject(refused))(request(), context());
    expect(response.status).toBe(413);
    expect(JSON.parse(String(response.body))).toMatchObject({
      type: "urn:caseclock:problem:document-too-large",
      status: 413,
    });
  });

  it("still answers anything unexpected with a 500 problem that quotes nothing", async () => {
    const response = await httpHandler("t", () => Promise.reject(new Error("secret detail")))(request(), context());
    expect(response.status).toBe(500);
    expect(String(response.body)).not.toContain("secret detail");
  });
});
