/** Names shared by the orchestrations, their activities and the functions that start or signal them. */
export const CASE_ORCHESTRATOR = "caseLifecycle";
/** The doorbell: tells a case's orchestration that its inbox has news (the event itself is in Cosmos). */
export const CASE_DOORBELL = "caseEvent";
export const VERIFICATION_ORCHESTRATOR = "verification";
export const VERIFICATION_DONE = "verificationDone";

export const activities = {
  loadCaseWork: "loadCaseWork",
  saveCaseDecision: "saveCaseDecision",
  sendCaseMail: "sendCaseMail",
  clearCaseOutbox: "clearCaseOutbox",
  recordSlaOutcome: "recordSlaOutcome",
  issueVerificationCode: "issueVerificationCode",
  expireVerification: "expireVerification",
} as const;

export function verificationInstanceId(verificationId: string): string {
  return `verification:${verificationId}`;
}
