import * as df from "durable-functions";
import { services } from "../../shared/adapters/services.js";
import { log } from "../../shared/logging/log.js";
import { renderMail, renderVerificationSms } from "../../shared/mail-templates/render.js";
import { generateCode, hashCode } from "../../shared/verification/verification.js";
import { activities } from "../names.js";

/**
 * Issues the code of a pending verification and sends it to the one place the record names: the named
 * admin's own address or registered mobile (docs/policy.md §1.5). A record that names none (an unknown admin)
 * still gets a code generation, so confirming behaves the same, but nothing is sent. A re-run
 * (activities run at least once) issues a new generation and overwrites the stored hash conditionally,
 * so exactly one code is valid at any time; the code exists only in this function's memory and in the
 * message.
 */
df.app.activity(activities.issueVerificationCode, {
  handler: async (input: { verificationId: string }, context): Promise<"sent" | "not-pending"> => {
    const s = services();
    for (let attempt = 0; attempt < 10; attempt++) {
      const record = await s.verifications.get(input.verificationId);
      if (record === undefined || record.status !== "pending") return "not-pending";
      const code = generateCode();
      const codeGeneration = record.codeGeneration + 1;
      const updated = {
        ...record,
        codeGeneration,
        codeHash: hashCode(s.settings.CASECLOCK_CODE_KEY, record.id, code),
        wrongAnswers: 0,
      };
      if (!(await s.verifications.replaceIfUnchanged(updated, record._etag))) continue;
      const target = record.deliverTo;
      const messageId = `${record.id}.code${codeGeneration}`;
      if (target?.channel === "email") {
        const rendered = renderMail(
          "verificationCode",
          { code, expiresAt: record.expiresAt },
          target.language,
          target.timeZone,
        );
        await s.mail.send({ ...rendered, id: messageId, to: [target.address] }, s.now());
      } else if (target?.channel === "sms" && s.sms !== undefined) {
        const text = renderVerificationSms({ code, expiresAt: record.expiresAt }, target.language, target.timeZone);
        await s.sms.send({ id: messageId, to: target.address, text, language: target.language }, s.now());
      }
      log(context, "info", "verification code issued", {
        verificationId: record.id,
        outcome: target?.channel ?? "none",
      });
      return "sent";
    }
    throw new Error("verification record contended");
  },
});

df.app.activity(activities.expireVerification, {
  handler: async (input: { verificationId: string }): Promise<"expired" | "unchanged"> => {
    const s = services();
    for (let attempt = 0; attempt < 10; attempt++) {
      const record = await s.verifications.get(input.verificationId);
      if (record === undefined || record.status !== "pending") return "unchanged";
      const { codeHash: _expired, ...rest } = record;
      if (await s.verifications.replaceIfUnchanged({ ...rest, status: "expired" }, record._etag)) return "expired";
    }
    throw new Error("verification record contended");
  },
});
