import { type CaseFacts, type SendMail } from "../../case/index.js";
import { addressOf } from "../../mail-templates/recipients.js";
import { renderMail } from "../../mail-templates/render.js";
import { type Services } from "../services.js";

type MailServices = Pick<Services, "mail" | "settings" | "now">;

/**
 * Sends one decided message under its deterministic id. The transports are idempotent per id (the local
 * outbox keeps one file per id; ACS Email takes the id as its operation id), and a turn resends its stored
 * effects only when a crashed run left them unconfirmed: a crash can repeat a message, never lose one.
 */
export async function deliverDecidedMail(
  services: MailServices,
  effect: SendMail,
  caseFacts: Pick<CaseFacts, "requester" | "timeZone">,
): Promise<void> {
  const { addresses, language } = addressOf(
    effect.to,
    caseFacts.requester,
    services.settings.CASECLOCK_SUPPORT_CONTACTS,
  );
  const rendered = renderMail(effect.template, effect.data, language, caseFacts.timeZone);
  await services.mail.send({ ...rendered, id: effect.id, to: addresses }, services.now());
}

/**
 * Sends a message decided outside a turn (a refusal's effect, from an HTTP request that may be repeated
 * many times) at most once per message id: the id is checked and recorded around the send.
 */
export async function deliverCaseMailOnce(
  services: MailServices & Pick<Services, "intake">,
  effect: SendMail,
  caseFacts: Pick<CaseFacts, "requester" | "timeZone">,
): Promise<"sent" | "already-sent"> {
  if (await services.intake.mailSent(effect.id)) return "already-sent";
  await deliverDecidedMail(services, effect, caseFacts);
  await services.intake.markMailSent(effect.id, services.now().toISOString());
  return "sent";
}
