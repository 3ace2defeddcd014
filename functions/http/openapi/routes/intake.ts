import { z } from "zod";
import { supportRequestSchema } from "../../../../shared/intake/request.js";
import { acceptedSchema } from "../../schemas/accepted.js";
import { jsonDelivery, microsoftFormsDelivery, tallyDelivery, typeformDelivery } from "../deliveryExamples.js";
import { acceptedAnswer, validationFailedAnswer } from "../examples.js";
import { type RouteDoc } from "../routeDoc.js";

const typeformPayload = z
  .looseObject({
    event_type: z.literal("form_response").optional(),
    form_response: z.looseObject({
      token: z.string().meta({ description: "The response id: a retried delivery is recognised by it." }),
      hidden: z.record(z.string(), z.unknown()).optional().meta({ description: "Hidden fields, e.g. `tenant_id`." }),
      definition: z.looseObject({ fields: z.array(z.looseObject({ id: z.string(), title: z.string() })) }),
      answers: z.array(z.looseObject({ type: z.string(), field: z.looseObject({ id: z.string() }) })),
    }),
  })
  .meta({ title: "Typeform delivery (adapter typeform)", description: "Questions matched by title, then by `ref`." });

const tallyPayload = z
  .looseObject({
    eventType: z.literal("FORM_RESPONSE").optional(),
    data: z.looseObject({
      responseId: z.string().meta({ description: "The response id: a retried delivery is recognised by it." }),
      fields: z.array(z.looseObject({ label: z.string(), value: z.unknown() })),
    }),
  })
  .meta({
    title: "Tally delivery (adapter tally)",
    description: "Fields matched by label; choice ids become their text.",
  });

const microsoftFormsPayload = z.record(z.string(), z.unknown()).meta({
  title: "Power Automate flow (adapter microsoft-forms)",
  description: "A flat object of question titles and answers, plus `responseId` so a retried run is recognised.",
});

const requestPayload = supportRequestSchema.meta({ title: "Request (adapter json)" });

export const intakeRoutes: readonly RouteDoc[] = [
  {
    name: "intake",
    method: "post",
    route: "intake/{source}",
    tag: "intake",
    summary:
      "Webhook intake from a form tool, authenticated by the source's scheme; idempotent on `webhook-id`, else on the response's own id (the case id derives from it: a repeat is answered with its case for as long as the case exists). 202 with the case id, `initialResponseDueAt` and `expectedWait`.",
    description:
      "A source is accepted when `CASECLOCK_WEBHOOK_SECRETS` names it, with its scheme (Standard Webhooks by default, `typeform`, `tally` or `shared-secret`) and secrets; the signature is checked over the raw body before anything parses it. `CASECLOCK_INTAKE_ADAPTERS` says how the source's payload is read: `json` (the Request shape, as `POST /cases`), `typeform`, `tally` or `microsoft-forms` (questions matched by title: Tenant ID, Email/Responder, Phone number, Type of request/Category, Severity, Subject/Title, Describe the problem/Description, Business impact, Preferred contact method). A repeated delivery gets the first answer and opens nothing.",
    access: { kind: "webhook" },
    pathParams: z.object({
      source: z.string().meta({ description: "A source named in `CASECLOCK_WEBHOOK_SECRETS`, e.g. `forms`." }),
    }),
    headers: z.object({
      "webhook-id": z
        .string()
        .optional()
        .meta({ description: "Standard Webhooks: the delivery id (the dedupe key: the case id derives from it)." }),
      "webhook-timestamp": z
        .string()
        .regex(/^\d+$/)
        .optional()
        .meta({ description: "Standard Webhooks: Unix seconds; at most 5 minutes from now." }),
    }),
    body: {
      schema: z.union([requestPayload, typeformPayload, tallyPayload, microsoftFormsPayload]),
      description: "What the source's adapter reads.",
      examples: {
        json: { summary: "Adapter json: the Request itself", value: jsonDelivery },
        typeform: { summary: "Adapter typeform: a form_response event", value: typeformDelivery },
        tally: { summary: "Adapter tally: a FORM_RESPONSE event", value: tallyDelivery },
        microsoftForms: {
          summary: "Adapter microsoft-forms: a Power Automate flow's body",
          value: microsoftFormsDelivery,
        },
      },
    },
    responses: {
      202: {
        description: "The request is stored and its clocks run (also the replayed answer of a repeated delivery).",
        schema: acceptedSchema,
        headers: z.object({ Location: z.string().meta({ description: "The case: `/api/cases/{id}`." }) }),
        examples: { accepted: { summary: "A Sev B technical request on the 21vianet preset", value: acceptedAnswer } },
      },
    },
    problems: ["webhook-unauthorized", "unknown-source", "unknown-tenant", "requester-not-admin", "partner-first"],
    problemExamples: {
      422: {
        validationFailed: {
          summary: "No title, and a severity that does not exist",
          value: validationFailedAnswer("/api/intake/forms"),
        },
      },
    },
  },
];
