import { AdapterError, isObject } from "./adapterError.js";
import { addAnswer, type Answers, requestFromAnswers, responseIdOf } from "./formAnswers.js";

/**
 * A Typeform webhook (`event_type: "form_response"`, https://www.typeform.com/developers/webhooks/example-payload/):
 * `form_response.definition.fields` name each question (`id`, `title`, `ref`), `form_response.answers`
 * answer them by `field.id` with a typed value, and `form_response.hidden` carries hidden fields (the
 * natural place for a tenant id). Questions are matched by title (then by `ref`) like the Microsoft Forms
 * adapter's.
 */
function answerValue(answer: Readonly<Record<string, unknown>>): unknown {
  switch (answer.type) {
    case "choice":
      return isObject(answer.choice) ? (answer.choice.label ?? answer.choice.other) : undefined;
    case "choices":
      return isObject(answer.choices) && Array.isArray(answer.choices.labels)
        ? answer.choices.labels.filter((l) => typeof l === "string").join(", ")
        : undefined;
    case "boolean":
      return typeof answer.boolean === "boolean" ? (answer.boolean ? "yes" : "no") : undefined;
    case "phone_number":
      return answer.phone_number;
    default:
      // text, email, number, url, date, file_url: the value sits under the type's own name.
      return typeof answer.type === "string" ? answer[answer.type] : undefined;
  }
}

export function typeform(payload: unknown): unknown {
  // Partial responses (`form_response_partial`, opt-in at Typeform) are not requests.
  if (isObject(payload) && payload.event_type !== undefined && payload.event_type !== "form_response")
    throw new AdapterError("only form_response events open a request", "/event_type");
  const response = isObject(payload) ? payload.form_response : undefined;
  if (!isObject(response))
    throw new AdapterError("a Typeform delivery carries a form_response object", "/form_response");
  const titles = new Map<string, { title?: unknown; ref?: unknown }>();
  const definition = isObject(response.definition) ? response.definition : {};
  for (const field of Array.isArray(definition.fields) ? definition.fields : [])
    if (isObject(field) && typeof field.id === "string") titles.set(field.id, { title: field.title, ref: field.ref });
  const answers: Answers = new Map();
  for (const answer of Array.isArray(response.answers) ? response.answers : []) {
    if (!isObject(answer) || !isObject(answer.field)) continue;
    const value = answerValue(answer);
    const known = typeof answer.field.id === "string" ? titles.get(answer.field.id) : undefined;
    addAnswer(answers, known?.title, value);
    addAnswer(answers, known?.ref ?? answer.field.ref, value);
  }
  if (isObject(response.hidden))
    for (const [name, value] of Object.entries(response.hidden)) addAnswer(answers, name, value);
  return requestFromAnswers(answers);
}

/** `form_response.token` identifies the response; Typeform repeats it on every retry of the delivery. */
export function typeformResponseId(payload: unknown): string | undefined {
  const response = isObject(payload) ? payload.form_response : undefined;
  return isObject(response) ? responseIdOf(response.token) : undefined;
}
