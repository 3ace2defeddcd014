import { AdapterError, isObject } from "./adapterError.js";
import { addAnswer, type Answers, normaliseQuestion, requestFromAnswers, responseIdOf } from "./formAnswers.js";

/**
 * A flat payload as a Power Automate flow posts a Microsoft Forms response: question titles as keys,
 * answers as strings. Titles are matched case- and punctuation-insensitively; blank answers count as absent.
 */
export function microsoftForms(payload: unknown): unknown {
  if (!isObject(payload)) throw new AdapterError("a Microsoft Forms payload is a flat JSON object of answers", "");
  const answers: Answers = new Map();
  for (const [question, value] of Object.entries(payload)) addAnswer(answers, question, value);
  return requestFromAnswers(answers);
}

/** The flow's `responseId` (the Forms trigger's response id), when the flow sends it. */
export function microsoftFormsResponseId(payload: unknown): string | undefined {
  if (!isObject(payload)) return undefined;
  for (const [question, value] of Object.entries(payload))
    if (normaliseQuestion(question) === "responseid") return responseIdOf(value);
  return undefined;
}
