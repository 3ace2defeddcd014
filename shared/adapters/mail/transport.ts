import { createHash, randomUUID } from "node:crypto";
import { link, mkdir, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { lazyRequire } from "../lazyRequire.js";
import { type Settings } from "../../config/index.js";
import { type RenderedMail } from "../../mail-templates/render.js";

export interface OutgoingMail extends RenderedMail {
  /** Deterministic per decision: a re-run activity sends the same id. */
  readonly id: string;
  readonly to: readonly string[];
}

export interface MailTransport {
  readonly kind: "acs" | "outbox";
  send(mail: OutgoingMail, at: Date): Promise<void>;
}

/** File names must not carry path separators whatever the message id holds. */
export function outboxFileName(id: string): string {
  return `${id.replace(/[^A-Za-z0-9._-]/g, "_")}.json`;
}

/**
 * Writes one outbox file per message id, atomically: the message goes to a temporary file that is then
 * linked under its final name (link fails if the name exists), so a process killed mid-write leaves no
 * half file that would pass for "already sent" and stop the resend.
 */
export async function writeOutboxFile(dir: string, id: string, message: Record<string, unknown>): Promise<void> {
  await mkdir(dir, { recursive: true });
  const target = join(dir, outboxFileName(id));
  const temporary = `${target}.${process.pid}.${randomUUID()}.tmp`;
  await writeFile(temporary, JSON.stringify(message, null, 2), { flag: "wx" });
  try {
    await link(temporary, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
}

/** Local stand-in for the mail service: one JSON file per message in the outbox folder. */
export function outboxTransport(dir: string): MailTransport {
  return {
    kind: "outbox",
    send: (mail, at) =>
      writeOutboxFile(dir, mail.id, {
        id: mail.id,
        channel: "email",
        to: mail.to,
        subject: mail.subject,
        language: mail.language,
        text: mail.text,
        html: mail.html,
        sentAt: at.toISOString(),
      }),
  };
}

/** A GUID derived from the message id, so ACS's Operation-Id is the same on a retried send. */
export function operationIdOf(messageId: string): string {
  const h = createHash("sha256").update(messageId).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

const emailSdk = lazyRequire<typeof import("@azure/communication-email")>("@azure/communication-email");
const identitySdk = lazyRequire<typeof import("@azure/identity")>("@azure/identity");

/** What the transport needs of the ACS Email SDK (a unit test hands in a stand-in). */
type EmailSdk = Pick<typeof import("@azure/communication-email"), "EmailClient">;

/** Azure Communication Services Email, authenticated by the app's managed identity. */
export function acsTransport(
  endpoint: string,
  sender: string,
  clientId?: string,
  sdk: () => EmailSdk = emailSdk,
): MailTransport {
  const { DefaultAzureCredential, ManagedIdentityCredential } = identitySdk();
  const credential = clientId ? new ManagedIdentityCredential({ clientId }) : new DefaultAzureCredential();
  const client = new (sdk().EmailClient)(endpoint, credential);
  return {
    kind: "acs",
    async send(mail) {
      const poller = await client.beginSend(
        {
          senderAddress: sender,
          recipients: { to: mail.to.map((address) => ({ address })) },
          content: { subject: mail.subject, plainText: mail.text, html: mail.html },
          headers: { "X-Caseclock-Message-Id": mail.id, "X-Caseclock-Language": mail.language },
        },
        { operationId: operationIdOf(mail.id) },
      );
      const result = await poller.pollUntilDone();
      if (result.status !== "Succeeded") throw new Error(`ACS send ${result.status}`);
    },
  };
}

/** Local fault injection: each message's first `failures` attempts fail, as a flaky mail service would. */
export function failingFirstAttempts(inner: MailTransport, failures: number): MailTransport {
  const attempts = new Map<string, number>();
  return {
    kind: inner.kind,
    async send(mail, at) {
      const n = (attempts.get(mail.id) ?? 0) + 1;
      attempts.set(mail.id, n);
      if (n <= failures) throw Object.assign(new Error("injected mail failure"), { code: "EINJECTED" });
      await inner.send(mail, at);
    },
  };
}

export function mailTransport(settings: Settings): MailTransport {
  if (settings.CASECLOCK_MAIL_MODE === "acs")
    return acsTransport(settings.CASECLOCK_ACS_ENDPOINT!, settings.CASECLOCK_MAIL_SENDER!, settings.AZURE_CLIENT_ID);
  const outbox = outboxTransport(settings.CASECLOCK_OUTBOX_DIR);
  return settings.CASECLOCK_OUTBOX_FAIL_ATTEMPTS > 0
    ? failingFirstAttempts(outbox, settings.CASECLOCK_OUTBOX_FAIL_ATTEMPTS)
    : outbox;
}
