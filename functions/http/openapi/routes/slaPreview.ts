import { previewSchema } from "../../schemas/preview.js";
import { slaPreviewBodySchema } from "../../slaPreviewBody.js";
import { previewAnswer, previewInput } from "../examples.js";
import { type RouteDoc } from "../routeDoc.js";

/** functions/slaPreview.ts */
export const slaPreviewRoutes: readonly RouteDoc[] = [
  {
    name: "slaPreview",
    method: "post",
    route: "sla/preview",
    tag: "preview",
    summary:
      "What-if: due instants and their explanation for a stored tenant (`tenantId`) or a preset, plan and zone, a category, severity and receipt time, with the operator's clock settings. Stores nothing.",
    description:
      "A preview needs a time zone (or a stored tenant, whose zone it uses): business hours are local hours, so nothing is silently read as UTC.",
    access: { kind: "staff", role: "Agent" },
    body: {
      schema: slaPreviewBodySchema,
      examples: {
        paris: { summary: "Midsize Business, Sev B, Friday evening in Paris, Monday a holiday", value: previewInput },
      },
    },
    responses: {
      200: {
        description: "The due instants, the calendar used and the explanation.",
        schema: previewSchema,
        examples: { paris: { summary: "The close of the next business day (Tuesday)", value: previewAnswer } },
      },
    },
    problems: ["tenant-not-found"],
  },
];
