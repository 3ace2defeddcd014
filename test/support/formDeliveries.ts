/**
 * Deliveries as the form tools send them (test fixtures shared by the adapter unit tests and the
 * end-to-end intake tests).
 */

/** A Typeform `form_response` delivery, shaped like typeform.com/developers/webhooks/example-payload. */
export const typeformDelivery = {
  event_id: "01HX7K2M3N4P5Q6R7S8T9V0W1X",
  event_type: "form_response",
  form_response: {
    form_id: "lT4Z3j",
    token: "a3a12ec67a1365927098a606107fac15",
    landed_at: "2026-11-20T15:20:00Z",
    submitted_at: "2026-11-20T15:29:00Z",
    hidden: { tenant_id: "Contoso-CN" },
    definition: {
      id: "lT4Z3j",
      title: "Support request",
      fields: [
        { id: "Fz1", title: "Your email", type: "email", ref: "email" },
        { id: "Fz2", title: "Type of request", type: "multiple_choice", ref: "kind" },
        { id: "Fz3", title: "Severity", type: "dropdown", ref: "sev" },
        { id: "Fz4", title: "Subject", type: "short_text", ref: "subject" },
        { id: "Fz5", title: "Describe the problem", type: "long_text", ref: "details" },
        { id: "Fz6", title: "Phone number", type: "phone_number", ref: "phone" },
        { id: "Fz7", title: "Anything else?", type: "yes_no", ref: "more" },
      ],
    },
    answers: [
      { type: "email", email: "admin@contoso.cn", field: { id: "Fz1", type: "email", ref: "email" } },
      { type: "choice", choice: { label: "Technical" }, field: { id: "Fz2", type: "multiple_choice", ref: "kind" } },
      { type: "text", text: "B - High", field: { id: "Fz3", type: "dropdown", ref: "sev" } },
      { type: "text", text: "Mail flow delayed", field: { id: "Fz4", type: "short_text", ref: "subject" } },
      {
        type: "text",
        text: "Outbound mail queues.\nSince 9:00.",
        field: { id: "Fz5", type: "long_text", ref: "details" },
      },
      { type: "phone_number", phone_number: "+861055550100", field: { id: "Fz6", type: "phone_number", ref: "phone" } },
      { type: "boolean", boolean: false, field: { id: "Fz7", type: "yes_no", ref: "more" } },
    ],
  },
};

/** A Tally FORM_RESPONSE delivery, shaped like the example event of tally.so/help/webhooks. */
export const tallyDelivery = {
  eventId: "a4cb511e-d513-4fa5-baee-b815d718dfd1",
  eventType: "FORM_RESPONSE",
  createdAt: "2026-11-20T15:29:00.889Z",
  data: {
    responseId: "2wgx4n",
    submissionId: "2wgx4n",
    respondentId: "dwQKYm",
    formId: "VwbNEw",
    formName: "Support request",
    createdAt: "2026-11-20T15:29:00.000Z",
    fields: [
      { key: "question_3EKz4n", label: "Tenant ID", type: "HIDDEN_FIELDS", value: "contoso-cn" },
      { key: "question_mVGEg3", label: "Email", type: "INPUT_EMAIL", value: "admin@contoso.cn" },
      {
        key: "question_nPEd6e",
        label: "Type of request",
        type: "MULTIPLE_CHOICE",
        value: ["5c2e1b3a"],
        options: [
          { id: "5c2e1b3a", text: "Billing and subscription" },
          { id: "9a8b7c6d", text: "Technical" },
        ],
      },
      {
        key: "question_w4Ze1B",
        label: "Severity",
        type: "DROPDOWN",
        value: "c0ffee00",
        options: [{ id: "c0ffee00", text: "C - Non-critical" }],
      },
      { key: "question_3jZYNY", label: "Subject", type: "INPUT_TEXT", value: "Invoice missing" },
      { key: "question_wA5LrN", label: "Describe the problem", type: "TEXTAREA", value: "November invoice" },
      { key: "question_n0EAy2", label: "constructor", type: "INPUT_TEXT", value: "ignored" },
    ],
  },
};
