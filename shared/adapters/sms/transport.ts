import { lazyRequire } from "../lazyRequire.js";
import { type Settings } from "../../config/index.js";
import { writeOutboxFile } from "../mail/transport.js";

export interface OutgoingSms {
  /** Deterministic per message: the outbox keeps one file per id, and the caller marks the id as sent. */
  readonly id: string;
  /** E.164 number. */
  readonly to: string;
  readonly text: string;
  readonly language: string;
}

export interface SmsTransport {
  readonly kind: "acs" | "outbox";
  send(sms: OutgoingSms, at: Date): Promise<void>;
}

/** Local stand-in: the same outbox folder as mail (GET /_local/outbox lists both), `channel: "sms"`. */
export function outboxSmsTransport(dir: string): SmsTransport {
  return {
    kind: "outbox",
    send: (sms, at) =>
      writeOutboxFile(dir, sms.id, {
        id: sms.id,
        channel: "sms",
        to: [sms.to],
        subject: "",
        language: sms.language,
        text: sms.text,
        sentAt: at.toISOString(),
      }),
  };
}

const smsSdk = lazyRequire<typeof import("@azure/communication-sms")>("@azure/communication-sms");
const identitySdk = lazyRequire<typeof import("@azure/identity")>("@azure/identity");

/** Azure Communication Services SMS from a number the resource owns, authenticated by the managed identity. */
export function acsSmsTransport(endpoint: string, sender: string, clientId?: string): SmsTransport {
  const { DefaultAzureCredential, ManagedIdentityCredential } = identitySdk();
  const credential = clientId ? new ManagedIdentityCredential({ clientId }) : new DefaultAzureCredential();
  const client = new (smsSdk().SmsClient)(endpoint, credential);
  return {
    kind: "acs",
    async send(sms) {
      const [result] = await client.send({ from: sender, to: [sms.to], message: sms.text });
      if (result === undefined || !result.successful)
        throw new Error(`ACS SMS not accepted (HTTP ${result?.httpStatusCode ?? "?"})`);
    },
  };
}

/** SMS goes where mail goes; in Azure it needs a number bought on the ACS resource (CASECLOCK_SMS_SENDER). */
export function smsTransport(settings: Settings): SmsTransport | undefined {
  if (settings.CASECLOCK_MAIL_MODE === "outbox") return outboxSmsTransport(settings.CASECLOCK_OUTBOX_DIR);
  if (settings.CASECLOCK_SMS_SENDER === undefined) return undefined;
  return acsSmsTransport(settings.CASECLOCK_ACS_ENDPOINT!, settings.CASECLOCK_SMS_SENDER, settings.AZURE_CLIENT_ID);
}
