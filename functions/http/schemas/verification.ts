import { z } from "zod";
import { attemptsLeft, type VerificationRecord } from "../../../shared/verification/verification.js";
import { instant, sameShape } from "./common.js";

/** What the verification routes answer: never the code, never which admin exists. */
export const verificationSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(["pending", "verified", "locked", "expired"]),
    method: z.enum(["registeredPhone", "emailCode", "smsCode"]).meta({
      description: "registeredPhone: the caller called from the admin's registered number (verified at once).",
    }),
    destinations: z.array(z.string()).meta({ description: "Where the code went, masked (e.g. `a***@contoso.cn`)." }),
    expiresAt: instant,
    verifiedAt: instant.nullable(),
    attemptsLeft: z.number().int().nonnegative(),
  })
  .meta({ id: "Verification", description: "A caller identity check." });

export function verificationView(record: VerificationRecord) {
  return {
    id: record.id,
    status: record.status,
    method: record.method,
    destinations: record.destinations,
    expiresAt: record.expiresAt,
    verifiedAt: record.verifiedAt ?? null,
    attemptsLeft: attemptsLeft(record),
  };
}

sameShape<ReturnType<typeof verificationView>, z.output<typeof verificationSchema>>((built) => built);
