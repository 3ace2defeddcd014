import { AdapterError, isObject } from "./adapterError.js";
import { addAnswer, type Answers, requestFromAnswers, responseIdOf } from "./formAnswers.js";

/**
 * A Tally webhook (tally.so, `eventType: "FORM_RESPONSE"`; https://tally.so/help/webhooks, "Example webhook
 * event"): `data.fields` is a list of `{ key, label, type, value, options? }`. Choice questions
 * (MULTIPLE_CHOICE, DROPDOWN, CHECKBOXES, MULTI_SELECT) answer with option ids (an array; older payloads a
 * single id) that `options` turn into their text. Questions are matched by label like the other adapters.
 */
function fieldValue(field: Readonly<Record<string, unknown>>): unknown {
  const options = Array.isArray(field.options) ? field.options.filter(isObject) : [];
  if (options.length === 0) return field.value;
  const ids = Array.isArray(field.value) ? field.value : [field.value];
  const texts = ids.map((id) => options.find((o) => o.id === id)?.text).filter((t) => typeof t === "string");
  return texts.length > 0 ? texts.join(", ") : undefined;
}

export function tally(payload: unknown): unknown {
  if (isObject(payload) && payload.eventType !== undefined && payload.eventType !== "FORM_RESPONSE")
    throw new AdapterError("only FORM_RESPONSE events open a request", "/eventType");
  const data = isObject(payload) ? payload.data : undefined;
  if (!isObject(data) || !Array.isArray(data.fields))
    throw new AdapterError("a Tally delivery carries data.fields, a list of answers", "/data/fields");
  const answers: Answers = new Map();
  for (const field of data.fields) if (isObject(field)) addAnswer(answers, field.label, fieldValue(field));
  return requestFromAnswers(answers);
}

/** `data.responseId` identifies the submission; a retried delivery carries the same one. */
export function tallyResponseId(payload: unknown): string | undefined {
  const data = isObject(payload) ? payload.data : undefined;
  return isObject(data) ? responseIdOf(data.responseId) : undefined;
}
