import * as df from "durable-functions";
import { services } from "../../shared/adapters/services.js";
import { log } from "../../shared/logging/log.js";
import { renderMail } from "../../shared/mail-templates/render.js";
import { generateCode, hashCode } from "../../shared/verification/verification.js";
import { activities } from "../names.js";

/**
 * Issues the code of a pending verification and mails it to the organisation's admins, each in their
 * language. A re-run (activities run at least once) issues a new generation and overwrites the stored
 * hash conditionally, so exactly one code is valid at any time; the code exists only in this
 * function's memory and in the messages.
 */
df.app.activity(activities.issueVerificationCode, {
  handler: async (input: { verificationId: string }, context): Promise<"sent" | "not-pending"> => {
    const s = services();
    for (let attempt = 0; attempt < 10; attempt++) {
      const record = await s.verifications.get(input.verificationId);
      if (record === undefined || record.status !== "pending") return "not-pending";
      const tenant = await s.tenants.get(record.tenantId);
      if (tenant === undefined) return "not-pending";
      const code = generateCode();
      const codeGeneration = record.codeGeneration + 1;
      const updated = {
        ...record,
        codeGeneration,
        codeHash: hashCode(s.settings.CASECLOCK_CODE_KEY, record.id, code),
        wrongAnswers: 0,
      };
      if (!(await s.verifications.replaceIfUnchanged(updated, record._etag))) continue;
      const now = s.now();
      await Promise.all(
        tenant.admins.map((admin, i) => {
          const rendered = renderMail(
            "verificationCode",
            { code, expiresAt: record.expiresAt },
            admin.language,
            tenant.timeZone,
          );
          return s.mail.send({ ...rendered, id: `${record.id}.code${codeGeneration}.${i}`, to: [admin.email] }, now);
        }),
      );
      log(context, "info", "verification code sent", { verificationId: record.id, count: tenant.admins.length });
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
