import { HttpRequest } from "@azure/functions";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clientPrincipalOf } from "../../../functions/http/clientPrincipal.js";
import { ProblemError } from "../../../functions/http/problem.js";

const requestWith = (header?: string) =>
  new HttpRequest({
    url: "https://caseclock.example/api/cases",
    method: "GET",
    headers: header === undefined ? {} : { "x-ms-client-principal": header },
  });
const encoded = (value: unknown) =>
  Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64");

/** The shape App Service injects for a Microsoft Entra ID sign-in (claims after its default mapping). */
const entraPrincipal = {
  auth_typ: "aad",
  name_typ: "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
  role_typ: "http://schemas.microsoft.com/ws/2008/06/identity/claims/role",
  claims: [
    {
      typ: "http://schemas.microsoft.com/identity/claims/objectidentifier",
      val: "5b5450db-eb26-4c1a-981c-ba1d25f0483d",
    },
    { typ: "http://schemas.microsoft.com/ws/2008/06/identity/claims/role", val: "Agent" },
    { typ: "roles", val: "Admin" },
    { typ: "caseclock_tenant", val: "contoso-cn" },
    { typ: "caseclock_tenant", val: "Not A Tenant Id" },
  ],
};

describe("the App Service client principal (issue 11, finding 2)", () => {
  it("reads roles from the role claim type and `roles`, and tenants from caseclock_tenant claims", () => {
    const principal = clientPrincipalOf(requestWith(encoded(entraPrincipal)))!;
    expect(principal.provider).toBe("aad");
    expect([...principal.roles].sort()).toEqual(["Admin", "Agent"]);
    expect([...principal.tenants]).toEqual(["contoso-cn"]);
    expect(clientPrincipalOf(requestWith())).toBeUndefined();
  });

  it("refuses every other shape with a 401 problem, never an exception of another kind", () => {
    for (const shape of [
      "null",
      '{"claims":"x"}',
      '{"claims":[null]}',
      '{"user_roles":5}',
      "[]",
      "7",
      "{",
      '{"claims":[{"typ":1,"val":"x"}]}',
    ]) {
      let thrown: unknown;
      try {
        clientPrincipalOf(requestWith(encoded(shape)));
      } catch (error) {
        thrown = error;
      }
      expect(thrown, shape).toBeInstanceOf(ProblemError);
      expect((thrown as ProblemError).problem).toMatchObject({ status: 401, code: "unauthenticated" });
    }
  });

  it("never throws anything but a 401 problem, whatever the header holds", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.jsonValue().map((v) => encoded(JSON.stringify(v) ?? "null")),
        ),
        (header) => {
          try {
            clientPrincipalOf(requestWith(header));
          } catch (error) {
            expect(error).toBeInstanceOf(ProblemError);
            expect((error as ProblemError).problem.status).toBe(401);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
