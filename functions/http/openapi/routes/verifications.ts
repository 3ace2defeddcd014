import { z } from "zod";
import { verificationSchema } from "../../schemas/verification.js";
import { confirmVerificationBodySchema, startVerificationBodySchema } from "../../verificationBodies.js";
import { confirmInput, verificationAnswer, verificationInput, verifiedAnswer } from "../examples.js";
import { type RouteDoc } from "../routeDoc.js";

const verificationId = z.object({ id: z.uuid().meta({ description: "The verification id." }) });
const answer = {
  verification: { summary: "A code sent to the named admin's registered email", value: verificationAnswer },
};

/** functions/verifications.ts */
export const verificationRoutes: readonly RouteDoc[] = [
  {
    name: "startVerification",
    method: "post",
    route: "verifications",
    tag: "verifications",
    summary:
      "Caller identity check: a caller on the named admin's registered number is verified at once; otherwise a 6-digit code goes to that admin alone (email, or SMS with `channel: sms`).",
    description:
      "The answer never reveals whether the named admin exists: an unknown name gets the same status, shape and masked destination, and no code is sent. Throttled per calling number, per named admin and per tenant.",
    access: { kind: "staff", role: "Agent" },
    body: {
      schema: startVerificationBodySchema,
      examples: { email: { summary: "A caller who says they are the admin", value: verificationInput } },
    },
    responses: {
      202: {
        description: "Started (or already verified, `method: registeredPhone`).",
        schema: verificationSchema,
        headers: z.object({ Location: z.string().meta({ description: "`/api/verifications/{id}`" }) }),
        examples: answer,
      },
    },
    problems: ["tenant-not-found", "sms-unavailable", "too-many-verifications", "document-too-large"],
  },
  {
    name: "getVerification",
    method: "get",
    route: "verifications/{id}",
    tag: "verifications",
    summary: "A verification's status (never its code).",
    access: { kind: "staff", role: "Agent" },
    pathParams: verificationId,
    responses: { 200: { description: "The verification.", schema: verificationSchema, examples: answer } },
    problems: ["verification-not-found"],
  },
  {
    name: "confirmVerification",
    method: "post",
    route: "verifications/{id}/confirm",
    tag: "verifications",
    summary: "The code the caller read out: valid 10 minutes, once; five wrong codes lock the verification.",
    access: { kind: "staff", role: "Agent" },
    pathParams: verificationId,
    body: {
      schema: confirmVerificationBodySchema,
      examples: { code: { summary: "The six digits", value: confirmInput } },
    },
    responses: {
      200: {
        description: "Verified.",
        schema: verificationSchema,
        examples: { verified: { summary: "The right code, in time", value: verifiedAnswer } },
      },
    },
    problems: [
      "verification-not-found",
      "verification-used",
      "verification-pending",
      "verification-locked",
      "verification-contended",
      "verification-expired",
      "code-incorrect",
    ],
  },
];
