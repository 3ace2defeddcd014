import { type ProblemCode } from "../../problemTypes.js";
import { type RouteDoc } from "../routeDoc.js";
import { caseRoutes } from "./cases.js";
import { intakeRoutes } from "./intake.js";
import { metaRoutes } from "./meta.js";
import { reportRoutes } from "./reports.js";
import { slaPreviewRoutes } from "./slaPreview.js";
import { tenantCaseRoutes, tenantRoutes } from "./tenants.js";
import { verificationRoutes } from "./verifications.js";

/**
 * The registry: one entry per HTTP function of functions/*.ts, in the order the document and the README list
 * them. A new route gets its RouteDoc here (test/e2e/openapi.test.ts names any registered function that has
 * none, and any entry no function serves).
 */
export const routeDocs: readonly RouteDoc[] = [
  ...intakeRoutes,
  ...caseRoutes,
  ...verificationRoutes,
  ...tenantRoutes,
  ...tenantCaseRoutes,
  ...slaPreviewRoutes,
  ...reportRoutes,
  ...metaRoutes,
];

/**
 * HTTP functions deliberately outside the document (not JSON API routes, e.g. static files), each with why.
 * The route-coverage test accepts these and only these.
 */
export const routesOutsideTheDocument: readonly {
  readonly name: string;
  readonly why: string;
  /** The problems it answers (listed in the README's problem table like every other). */
  readonly problems: readonly ProblemCode[];
}[] = [
  {
    name: "console",
    why: "GET /api/console/{*path}: the support console's static files (HTML, hashed JS and CSS), not a JSON API.",
    problems: ["console-file-not-found"],
  },
];
