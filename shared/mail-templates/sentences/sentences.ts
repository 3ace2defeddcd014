import { type Language } from "../../tenant/tenant.js";

export type { Language };

/**
 * Every sentence caseclock sends to a customer, per language (one file per language beside this one).
 * Support-side messages (warnings, escalations) are in the desk's working language (recipients.ts).
 * Placeholders are filled by `render.ts`; `{due}` and `{when}` are already-formatted instants.
 */
export interface Sentences {
  readonly severityName: Readonly<Record<"A" | "B" | "C", string>>;
  readonly reasons: Readonly<Record<string, string>>;
  readonly acknowledgementSubject: string;
  readonly acknowledgement: readonly string[];
  readonly adjusted: string;
  readonly severityChangedSubject: string;
  readonly severityChanged: readonly string[];
  readonly severityChangedDue: string;
  readonly severityLoweredSubject: string;
  readonly severityLowered: readonly string[];
  readonly customerReminderSubject: string;
  readonly customerReminder: readonly string[];
  readonly customerReminderFinal: string;
  readonly closingSurveySubject: string;
  readonly closingSurvey: readonly string[];
  readonly reopenedSubject: string;
  readonly reopened: readonly string[];
  readonly reopenRefusedSubject: string;
  readonly reopenRefused: readonly string[];
  readonly verificationCodeSubject: string;
  readonly verificationCode: readonly string[];
  /** One SMS: the code, its end of validity and the warning not to pass it on (kept short: one segment where possible). */
  readonly verificationSms: string;
  readonly signature: string;
}
