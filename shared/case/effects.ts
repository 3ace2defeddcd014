import { type Category, type Severity } from "../policy/severity.js";
import { type SlaOutcome } from "../reports/slaOutcome.js";

/** Who a message is for; addresses and languages are resolved by the mail activity, not the decider. */
export type Recipient =
  | { readonly kind: "requester" }
  | { readonly kind: "queue"; readonly category: Category }
  | { readonly kind: "escalation"; readonly level: number };

export type MailTemplate =
  | "acknowledgement"
  | "warning"
  | "escalation"
  | "severityChanged"
  | "severityLowered"
  | "customerReminder"
  | "customerSilent"
  | "closingSurvey"
  | "reopened"
  | "reopenRefused"
  | "verificationCode";

/** Plain values a template may use; nothing here is an address or a secret. */
export type MailData = Readonly<Record<string, string | number | boolean | readonly string[] | undefined>>;

export interface SendMail {
  readonly type: "sendMail";
  /** Deterministic: the same decision always yields the same id, so a re-run activity does not send twice. */
  readonly id: string;
  readonly template: MailTemplate;
  readonly to: Recipient;
  readonly data: MailData;
}

/**
 * Record the initial-response outcome in the SLA rollup (reports are computed from these, never by scanning
 * cases). Decided when the clock breaches and when the support side first answers; carrying it out twice
 * changes nothing (shared/reports/rollup.ts merges).
 */
export interface RecordSla {
  readonly type: "recordSla";
  readonly id: string;
  readonly outcome: SlaOutcome;
}

export type Effect = SendMail | RecordSla;

export type { Severity };
