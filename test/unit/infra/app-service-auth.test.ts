import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { declarationsOf, parse, type Node } from "../../../scripts/bicep/reader.mjs";

/**
 * App Service Authentication on the Function App (authsettingsV2, infra/modules/functionApp.bicep): every
 * route needs a valid Entra token except the two that must stay anonymous, the webhook intake and the
 * liveness probe. Read from the Bicep itself, and compared with the routes the app registers.
 */
const ROOT = new URL("../../../", import.meta.url).pathname;
const read = (path: string) => readFileSync(join(ROOT, path), "utf8");
const program = parse(read("infra/modules/functionApp.bicep"), "functionApp.bicep");
const auth = declarationsOf(program, "resource").get("auth")!;

type Obj = { kind: "object"; properties: { key: string; value: Node }[] };
/** The literal value at a path of keys in an object expression (strings, booleans, arrays of strings). */
function at(node: Node | undefined, ...path: string[]): unknown {
  let n = node as Obj | undefined;
  for (const key of path) n = n?.properties.find((p) => p.key === key)?.value as Obj | undefined;
  const leaf = n as unknown as { kind: string; value?: unknown; items?: { value?: unknown }[] } | undefined;
  if (leaf?.kind === "array") return leaf.items!.map((i) => i.value);
  return leaf?.value ?? leaf;
}

const excluded = at(auth.body, "properties", "globalValidation", "excludedPaths") as string[];
// App Service matches an excluded path exactly, or everything under a path ending in /*.
const isExcluded = (path: string) =>
  excluded.some((e) => (e.endsWith("/*") ? path.startsWith(e.slice(0, -1)) : path === e));

describe("App Service Authentication (authsettingsV2)", () => {
  it("is the Function App's authsettingsV2, with the Entra ID provider of the app registration", () => {
    expect(auth.type).toBe("Microsoft.Web/sites/config");
    expect(at(auth.body, "name")).toBe("authsettingsV2");
    expect(at(auth.body, "parent")).toMatchObject({ kind: "ident", name: "site" });
    expect(at(auth.body, "properties", "platform", "enabled")).toBe(true);
    expect(at(auth.body, "properties", "identityProviders", "azureActiveDirectory", "enabled")).toBe(true);
    expect(
      at(auth.body, "properties", "identityProviders", "azureActiveDirectory", "registration", "clientId"),
    ).toMatchObject({
      kind: "ident",
      name: "authClientId",
    });
    expect(read("infra/main.bicep")).toMatch(/^\s*authClientId: entra\.outputs\.clientId$/m);
  });

  it("answers 401 to a request without a valid token", () => {
    expect(at(auth.body, "properties", "globalValidation", "requireAuthentication")).toBe(true);
    expect(at(auth.body, "properties", "globalValidation", "unauthenticatedClientAction")).toBe("Return401");
  });

  it("leaves exactly the intake webhooks, the liveness probe, the OpenAPI document and the console's files anonymous", () => {
    const routes = readdirSync(join(ROOT, "functions"))
      .filter((f) => f.endsWith(".ts"))
      .flatMap((f) => [...read(`functions/${f}`).matchAll(/^\s*route: "([^"]+)",$/gm)].map((m) => `/api/${m[1]!}`));
    expect(routes.length).toBeGreaterThan(10);
    const anonymous = routes.filter((r) => isExcluded(r.replace(/\{[^}]+\}/g, "x"))).sort();
    expect(anonymous).toEqual(["/api/console/{*path}", "/api/health", "/api/intake/{source}", "/api/openapi.json"]);
    expect(isExcluded("/api/intake")).toBe(false);
    expect(isExcluded("/api/cases")).toBe(false);
    // The console's pages hold no data: what they show comes from the API routes, which stay signed in.
    expect(read("functions/console.ts")).not.toMatch(/services\(\)/);
  });

  it("keeps no token store and needs no client secret: bearer tokens for clients, ID-token sign-in for browsers", () => {
    expect(at(auth.body, "properties", "login", "tokenStore", "enabled")).toBe(false);
    expect(read("infra/modules/functionApp.bicep")).not.toMatch(/clientSecretSettingName/);
    const registration = read("infra/modules/entraApp.bicep");
    expect(registration).toMatch(
      /implicitGrantSettings: \{ enableIdTokenIssuance: true, enableAccessTokenIssuance: false \}/,
    );
    expect(registration).toMatch(/redirectUris: \[signInRedirectUri\]/);
    expect(read("infra/main.bicep")).toMatch(
      /signInRedirectUri: 'https:\/\/func-caseclock-\$\{resourceToken\}\.azurewebsites\.net\/\.auth\/login\/aad\/callback'/,
    );
    expect(read("infra/main.bicep")).toMatch(/name: 'func-caseclock-\$\{resourceToken\}'/);
  });
});
