import { describe, expect, it } from "vitest";

const sent: Array<{ endpoint: string; message: Record<string, unknown>; options: Record<string, unknown> }> = [];
let status = "Succeeded";

// A unit test of the ACS adapter alone: the email client is replaced; nothing reaches the network.
const fakeSdk = {
  EmailClient: class {
    constructor(readonly endpoint: string) {}
    beginSend(message: Record<string, unknown>, options: Record<string, unknown>) {
      sent.push({ endpoint: this.endpoint, message, options });
      return Promise.resolve({ pollUntilDone: () => Promise.resolve({ status }) });
    }
  },
};
// The stand-in has only what the transport calls (beginSend); the SDK's class has far more.
const sdk = () => fakeSdk as unknown as Pick<typeof import("@azure/communication-email"), "EmailClient">;

const { acsTransport, operationIdOf } = await import("../../../shared/adapters/mail/transport.js");

const mail = {
  id: "contoso.abc.v3.0",
  to: ["duty@support.example"],
  subject: "[contoso.abc] Escalation level 1",
  text: "t",
  html: "<p>t</p>",
  language: "en" as const,
};

describe("the ACS Email transport", () => {
  it("sends from the configured sender with a deterministic Operation-Id, so a retried activity is the same operation", async () => {
    const transport = acsTransport(
      "https://acs-caseclock.communication.azure.com",
      "DoNotReply@x.azurecomm.net",
      "client-id",
      sdk,
    );
    await transport.send(mail, new Date());
    await transport.send(mail, new Date());
    expect(sent).toHaveLength(2);
    expect(sent[0]).toMatchObject({
      endpoint: "https://acs-caseclock.communication.azure.com",
      message: {
        senderAddress: "DoNotReply@x.azurecomm.net",
        recipients: { to: [{ address: "duty@support.example" }] },
        content: { subject: mail.subject, plainText: "t", html: "<p>t</p>" },
        headers: { "X-Caseclock-Message-Id": mail.id },
      },
    });
    expect(sent[0]!.options.operationId).toBe(sent[1]!.options.operationId);
    expect(sent[0]!.options.operationId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(operationIdOf("another.message")).not.toBe(sent[0]!.options.operationId);
  });

  it("fails the send (so the activity retries) when ACS does not report success", async () => {
    status = "Failed";
    await expect(
      acsTransport("https://a.communication.azure.com", "s@x.azurecomm.net", undefined, sdk).send(mail, new Date()),
    ).rejects.toThrow(/ACS send Failed/);
    status = "Succeeded";
  });
});
