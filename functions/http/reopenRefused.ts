import { type InvocationContext } from "@azure/functions";
import { services } from "../../shared/adapters/services.js";
import { type CaseState } from "../../shared/case/index.js";
import { errorFields, log } from "../../shared/logging/log.js";
import { renderMail } from "../../shared/mail-templates/render.js";

/**
 * Tells the requester why a reopen was refused (SPEC §2.3), at most once a day per case: the message id
 * is derived from the case and the date, so repeated attempts do not flood the customer.
 */
export async function sendReopenRefused(context: InvocationContext, state: CaseState, now: Date): Promise<void> {
  const s = services();
  const id = `${state.id}.reopen-refused.${now.toISOString().slice(0, 10)}`;
  try {
    if (await s.intake.mailSent(id)) return;
    const rendered = renderMail(
      "reopenRefused",
      { caseId: state.id, title: state.title, closedAt: state.closedAt, reopenableUntil: state.reopenableUntil },
      state.requester.language,
      state.timeZone,
    );
    await s.mail.send({ ...rendered, id, to: [state.requester.email] }, now);
    await s.intake.markMailSent(id, now.toISOString());
  } catch (error) {
    log(context, "warn", "reopen-refused mail not sent", { caseId: state.id, ...errorFields(error) });
  }
}
