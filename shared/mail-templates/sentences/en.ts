import { type Sentences } from "./sentences.js";

export const en: Sentences = {
  severityName: { A: "A (critical)", B: "B (high)", C: "C (non-critical)" },
  reasons: {
    "sev-a-requires-advanced-agreement":
      "Severity A is available only with a signed advanced online service agreement.",
    "sev-a-requires-impact-statement": "Severity A needs a statement of the business impact.",
    "sev-a-technical-only": "Severity A is available only for technical support.",
    "billing-max-severity-b": "The highest severity for billing and subscription requests is B.",
    "phone-support-sev-a-only":
      "Your plan includes phone support for severity A only; we will answer this request online.",
    "customer-silent": "we did not receive the information we asked for in time",
  },
  acknowledgementSubject: "[{caseId}] We received your request: {title}",
  acknowledgement: [
    'We received your support request "{title}" on {received}.',
    "Case number: {caseId}. Severity: {severity}.",
    "You can expect our first response by {due} (within {wait}).",
  ],
  adjusted: "You asked for severity {requested}; the request was opened as {severity}. {reasons}",
  severityChangedSubject: "[{caseId}] Severity changed to {to}",
  severityChanged: ['The severity of your request "{title}" changed from {from} to {to}.', "Reason: {reason}"],
  severityChangedDue: "You can expect our first response by {due}.",
  severityLoweredSubject: "[{caseId}] Severity lowered to {to}",
  severityLowered: [
    'We lowered the severity of your request "{title}" from {from} to {to} because {reason}.',
    "We have been waiting for your answer since {since}.",
    "Please reply with the requested information by {due} so we can continue.",
  ],
  customerReminderSubject: "[{caseId}] Reminder: we are waiting for your answer",
  customerReminder: [
    'We are still waiting for the information we asked for about "{title}" (since {since}).',
    "Please reply by {due} so we can continue.",
  ],
  customerReminderFinal: "This is our last reminder; without your answer we may close the request.",
  closingSurveySubject: "[{caseId}] Your request is closed: how did we do?",
  closingSurvey: [
    'Your request "{title}" was closed on {when}.',
    "Please tell us how we did: reply to this message with a rating from 1 (poor) to 5 (excellent) and any comments.",
    "If the problem comes back, you can reopen the request until {until}.",
  ],
  reopenedSubject: "[{caseId}] Your request is reopened",
  reopened: ['Your request "{title}" is open again.', "You can expect our first response by {due}."],
  reopenRefusedSubject: "[{caseId}] Your request can no longer be reopened",
  reopenRefused: [
    'Your request "{title}" was closed on {when} and could be reopened until {until}.',
    "Please open a new request and mention case {caseId}.",
  ],
  verificationCodeSubject: "Your caseclock verification code",
  verificationCode: [
    "Someone who says they are you is calling our support line on behalf of your organisation, from a number that is not in your admin profile.",
    "If this is you, give the agent this code: {code}",
    "The code is valid until {until}. If you do not know about this call, ignore this message.",
  ],
  verificationSms:
    "Your support verification code: {code} (valid until {until}). Give it only to the agent you are speaking with.",
  signature: "— Support",
};
