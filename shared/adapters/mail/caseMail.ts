import { type CaseFacts, type SendMail } from "../../case/index.js";
import { addressOf } from "../../mail-templates/recipients.js";
import { renderMail } from "../../mail-templates/render.js";
import { type Services } from "../services.js";

/**
 * Carries out one decided message, at most once per message id: the caller (an activity, or the HTTP
 * function carrying out a refusal's effects) may run again after a crash, so the id is checked and
 * recorded around the send (a crash between the two can repeat one message, never lose one).
 */
export async function deliverCaseMail(
  services: Pick<Services, "intake" | "mail" | "settings" | "now">,
  effect: SendMail,
  caseFacts: Pick<CaseFacts, "requester" | "timeZone">,
): Promise<"sent" | "already-sent"> {
  if (await services.intake.mailSent(effect.id)) return "already-sent";
  const { addresses, language } = addressOf(
    effect.to,
    caseFacts.requester,
    services.settings.CASECLOCK_SUPPORT_CONTACTS,
  );
  const rendered = renderMail(effect.template, effect.data, language, caseFacts.timeZone);
  const now = services.now();
  await services.mail.send({ ...rendered, id: effect.id, to: addresses }, now);
  await services.intake.markMailSent(effect.id, now.toISOString());
  return "sent";
}
