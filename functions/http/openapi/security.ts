import { type oas31 } from "zod-openapi";
import { SHARED_SECRET_HEADER } from "../../../shared/webhooks/sharedSecret.js";
import { TENANT_CLAIM } from "../auth.js";

/**
 * How callers prove who they are (README "Sign-in", functions/http/auth.ts). Which scheme applies depends on
 * CASECLOCK_AUTH_MODE, so staff and tenant routes list the function key and the Entra ID sign-in as
 * alternatives; intake lists the four webhook schemes a source can be configured with.
 */
export const securitySchemes = {
  functionKey: {
    type: "apiKey",
    in: "header",
    name: "x-functions-key",
    description:
      "`CASECLOCK_AUTH_MODE=key` (the local default): an Azure Functions function key. The Functions host checks it before the app runs and answers a missing or wrong key with an empty 401.",
  },
  functionKeyQuery: {
    type: "apiKey",
    in: "query",
    name: "code",
    description: "The same function key as a `code` query parameter (on every route; it is never a list filter).",
  },
  entra: {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
    description: `\`CASECLOCK_AUTH_MODE=entra\` (what infra/ deploys): a Microsoft Entra ID access token for the app registration. App Service Authentication validates it in front of the app and injects the signed-in principal (\`x-ms-client-principal\`); the app then demands the app role the operation lists (\`Agent\`, or \`Admin\`, which implies it). Customers sign in too, with the \`Customer\` app role: their \`${TENANT_CLAIM}\` claims name the organisations whose \`/tenants/{tenantId}/cases\` they may read (the claim without the role is 403). A function key alone is 401 \`unauthenticated\` in this mode.`,
  },
  standardWebhooks: {
    type: "apiKey",
    in: "header",
    name: "webhook-signature",
    description:
      "Scheme `standard-webhooks` (the default): `webhook-signature: v1,<base64 HMAC-SHA256(key, webhook-id.webhook-timestamp.body)>` with the `webhook-id` and `webhook-timestamp` headers, within 5 minutes of now (https://www.standardwebhooks.com/). The key is the base64 part of the source's `whsec_…` secret.",
  },
  typeformSignature: {
    type: "apiKey",
    in: "header",
    name: "Typeform-Signature",
    description:
      "Scheme `typeform`: `Typeform-Signature: sha256=<base64 HMAC-SHA256(secret, raw body)>` (https://www.typeform.com/developers/webhooks/secure-your-webhooks/).",
  },
  tallySignature: {
    type: "apiKey",
    in: "header",
    name: "Tally-Signature",
    description:
      "Scheme `tally`: `Tally-Signature: <base64 HMAC-SHA256(signing secret, raw body)>` (https://tally.so/help/webhooks).",
  },
  intakeSecret: {
    type: "apiKey",
    in: "header",
    name: SHARED_SECRET_HEADER,
    description:
      "Scheme `shared-secret` (Power Automate, which cannot compute an HMAC): the source's secret itself, 32–256 printable characters, compared in constant time.",
  },
} as const satisfies Record<string, oas31.SecuritySchemeObject>;

type SchemeName = keyof typeof securitySchemes;
type Requirement = Partial<Record<SchemeName, string[]>>;

/** Who may call an operation. */
export type Access =
  | { readonly kind: "staff"; readonly role: "Agent" | "Admin" }
  | { readonly kind: "tenant" }
  | { readonly kind: "webhook" }
  | { readonly kind: "anonymous" };

/**
 * Alternatives, any one of which suffices. For a non-OAuth scheme OpenAPI 3.1 lets the list name the roles
 * the operation needs: the Entra sign-in lists the app role.
 */
export function securityOf(access: Access): Requirement[] {
  switch (access.kind) {
    case "staff":
      return [{ functionKey: [] }, { functionKeyQuery: [] }, { entra: [access.role] }];
    case "tenant":
      return [{ functionKey: [] }, { functionKeyQuery: [] }, { entra: [] }];
    case "webhook":
      return [{ standardWebhooks: [] }, { typeformSignature: [] }, { tallySignature: [] }, { intakeSecret: [] }];
    case "anonymous":
      return [];
  }
}

/** The auth level the route is registered with in key mode (entra mode registers every route anonymous). */
export function keyModeAuthLevel(access: Access): "function" | "anonymous" {
  return access.kind === "staff" || access.kind === "tenant" ? "function" : "anonymous";
}
