import { type intakeAdapterNames } from "../config/settings.js";
import { microsoftForms, microsoftFormsResponseId } from "./microsoftForms.js";
import { tally, tallyResponseId } from "./tally.js";
import { typeform, typeformResponseId } from "./typeform.js";

export { AdapterError } from "./adapterError.js";

/**
 * Intake adapters turn a form's payload into the Request shape; the result is validated like any other
 * request, so an adapter only renames and normalises, it never decides.
 */
export type AdapterName = (typeof intakeAdapterNames)[number];

/** The generic adapter: the payload already is a Request. */
function json(payload: unknown): unknown {
  return payload;
}

export const adapters: Readonly<Record<AdapterName, (payload: unknown) => unknown>> = {
  json,
  "microsoft-forms": microsoftForms,
  typeform,
  tally,
};

/**
 * The payload's own response id, for tools whose deliveries carry no id header: a retried delivery of the
 * same response is then recognised and answered with the first answer (and opens no second case).
 */
export const responseIdOf: Readonly<Record<AdapterName, (payload: unknown) => string | undefined>> = {
  json: () => undefined,
  "microsoft-forms": microsoftFormsResponseId,
  typeform: typeformResponseId,
  tally: tallyResponseId,
};
