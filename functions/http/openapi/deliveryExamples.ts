import { requestInput } from "./examples.js";

/*
 * What each intake adapter reads (CASECLOCK_INTAKE_ADAPTERS), one delivery each, shaped as the tools
 * document them; test/unit/http/openapiDocument.test.ts runs each through its real adapter and the request
 * schema, so an example that would be refused cannot stay in the document.
 */

/** Adapter `json`: the body is the request itself. */
export const jsonDelivery = requestInput;

/** Adapter `typeform`: a `form_response` event (typeform.com/developers/webhooks/example-payload). */
export const typeformDelivery = {
  event_id: "01HX7K2M3N4P5Q6R7S8T9V0W1X",
  event_type: "form_response",
  form_response: {
    form_id: "lT4Z3j",
    token: "a3a12ec67a1365927098a606107fac15",
    submitted_at: "2026-11-20T15:29:00Z",
    hidden: { tenant_id: "contoso-cn" },
    definition: {
      id: "lT4Z3j",
      title: "Support request",
      fields: [
        { id: "Fz1", title: "Your email", type: "email", ref: "email" },
        { id: "Fz2", title: "Type of request", type: "multiple_choice", ref: "kind" },
        { id: "Fz3", title: "Severity", type: "dropdown", ref: "sev" },
        { id: "Fz4", title: "Subject", type: "short_text", ref: "subject" },
        { id: "Fz5", title: "Describe the problem", type: "long_text", ref: "details" },
      ],
    },
    answers: [
      { type: "email", email: "admin@contoso.cn", field: { id: "Fz1", type: "email", ref: "email" } },
      { type: "choice", choice: { label: "Technical" }, field: { id: "Fz2", type: "multiple_choice", ref: "kind" } },
      { type: "text", text: "B - High", field: { id: "Fz3", type: "dropdown", ref: "sev" } },
      { type: "text", text: "Mail flow delayed", field: { id: "Fz4", type: "short_text", ref: "subject" } },
      {
        type: "text",
        text: "Outbound mail queues for 20 minutes.",
        field: { id: "Fz5", type: "long_text", ref: "details" },
      },
    ],
  },
};

/** Adapter `tally`: a `FORM_RESPONSE` event (tally.so/help/webhooks). */
export const tallyDelivery = {
  eventId: "a4cb511e-d513-4fa5-baee-b815d718dfd1",
  eventType: "FORM_RESPONSE",
  createdAt: "2026-11-20T15:29:00.889Z",
  data: {
    responseId: "2wgx4n",
    formId: "VwbNEw",
    formName: "Support request",
    fields: [
      { key: "question_3EKz4n", label: "Tenant ID", type: "HIDDEN_FIELDS", value: "contoso-cn" },
      { key: "question_mVGEg3", label: "Email", type: "INPUT_EMAIL", value: "admin@contoso.cn" },
      {
        key: "question_nPEd6e",
        label: "Type of request",
        type: "MULTIPLE_CHOICE",
        value: ["9a8b7c6d"],
        options: [
          { id: "5c2e1b3a", text: "Billing and subscription" },
          { id: "9a8b7c6d", text: "Technical" },
        ],
      },
      { key: "question_w4Ze1B", label: "Severity", type: "INPUT_TEXT", value: "B - High" },
      { key: "question_3jZYNY", label: "Subject", type: "INPUT_TEXT", value: "Mail flow delayed" },
      { key: "question_wA5LrN", label: "Describe the problem", type: "TEXTAREA", value: "Outbound mail queues." },
    ],
  },
};

/** Adapter `microsoft-forms`: a Power Automate flow's flat body of question titles. */
export const microsoftFormsDelivery = {
  responseId: "17",
  "Tenant ID": "contoso-cn",
  Responder: "admin@contoso.cn",
  "Type of request": "Technical",
  Severity: "C - Non-critical",
  Subject: "Contact cannot be deleted",
  "Describe the problem": "Exchange Online contact stays",
};
