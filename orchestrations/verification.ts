import * as df from "durable-functions";
import { type OrchestrationHandler } from "durable-functions";
import "./activities/verificationActivities.js";
import { activities, VERIFICATION_DONE, VERIFICATION_ORCHESTRATOR } from "./names.js";

const retry = new df.RetryOptions(1_000, 5);
retry.backoffCoefficient = 2;

/** Sends the code, then waits for the confirmation or the end of the code's life, whichever comes first. */
const verification: OrchestrationHandler = function* (context) {
  const input = context.df.getInput<{ verificationId: string; expiresAt: string }>();
  const sent = (yield context.df.callActivityWithRetry(activities.issueVerificationCode, retry, {
    verificationId: input.verificationId,
  })) as string;
  if (sent !== "sent") return { outcome: sent };
  const done = context.df.waitForExternalEvent(VERIFICATION_DONE);
  const expiry = context.df.createTimer(new Date(input.expiresAt));
  const winner: unknown = yield context.df.Task.any([done, expiry]);
  if (winner === done) {
    expiry.cancel();
    return { outcome: "verified" };
  }
  const expired = (yield context.df.callActivityWithRetry(activities.expireVerification, retry, {
    verificationId: input.verificationId,
  })) as string;
  return { outcome: expired };
};

df.app.orchestration(VERIFICATION_ORCHESTRATOR, verification);
