import { type MailData, type MailTemplate } from "../case/effects.js";
import { type Language } from "../tenant/tenant.js";
import { formatDuration, formatInstant } from "./format.js";
import { sentences } from "./strings.js";

export interface RenderedMail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly language: Language;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/**
 * A subject is one header line: control characters (CR/LF above all, which would start a new header)
 * and line separators become spaces, lone surrogates U+FFFD, whatever a title holds.
 */
export function singleLine(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- matching control characters is the point here
      .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ")
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd")
      .trim()
  );
}

function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

function assemble(
  subject: string,
  lines: readonly string[],
  values: Readonly<Record<string, string>>,
  language: Language,
): RenderedMail {
  const filled = lines.map((l) => fill(l, values));
  return {
    subject: singleLine(fill(subject, values)),
    text: filled.join("\n\n"),
    html: `<!doctype html><html lang="${language}"><body>${filled.map((l) => `<p>${escapeHtml(l)}</p>`).join("")}</body></html>`,
    language,
  };
}

const str = (v: MailData[string]): string => (v === undefined ? "" : Array.isArray(v) ? v.join(", ") : String(v));

/** Messages for the support organisation (queue warnings, escalations): English, the support desk's language. */
function renderSupportMail(template: MailTemplate, data: MailData, timeZone: string): RenderedMail | undefined {
  const at = (k: string) => formatInstant(data[k] as string | undefined, "en", timeZone);
  const clock = data.clock === "followUp" ? "Sev A follow-up" : "initial response";
  const head = `Case ${str(data.caseId)} — "${str(data.title)}" — severity ${str(data.severity)}`;
  switch (template) {
    case "warning":
      return assemble(
        `[${str(data.caseId)}] Warning: ${clock} due ${at("dueAt")}`,
        [
          head,
          `The ${clock} clock started at ${at("startedAt")} and is due at ${at("dueAt")}.`,
          "Please respond before it is breached.",
        ],
        {},
        "en",
      );
    case "escalation": {
      const first = data.escalations === 1;
      return assemble(
        `[${str(data.caseId)}] Escalation level ${str(data.level)}: ${clock} ${first ? "breached" : "still unanswered"}`,
        [
          head,
          `The ${clock} was due at ${at("dueAt")} and has not been answered (escalation ${str(data.escalations)} of this clock, case level ${str(data.level)}).`,
          "You receive this as an escalation contact for this level.",
          ...(data.nextEscalationAt
            ? [`Unless someone answers, the next reminder goes out at ${at("nextEscalationAt")}.`]
            : []),
        ],
        {},
        "en",
      );
    }
    case "customerSilent":
      return assemble(
        `[${str(data.caseId)}] Customer silent after ${str(data.reminders)} reminders`,
        [
          head,
          `We have been waiting for the customer since ${at("waitingSince")} and sent ${str(data.reminders)} reminders.`,
          "Consider closing the case.",
        ],
        {},
        "en",
      );
    default:
      return undefined;
  }
}

/**
 * Renders a message in the reader's language, with every instant in the organisation's time zone.
 * `data` never holds an address; a verification `code` is the only secret a template may show.
 */
export function renderMail(template: MailTemplate, data: MailData, language: Language, timeZone: string): RenderedMail {
  const support = renderSupportMail(template, data, timeZone);
  if (support !== undefined) return support;
  const s = sentences[language];
  const at = (k: string) => formatInstant(data[k] as string | undefined, language, timeZone);
  const sev = (k: string) => s.severityName[(data[k] as "A" | "B" | "C" | undefined) ?? "C"] ?? str(data[k]);
  const reason = (v: MailData[string]) => (typeof v === "string" ? (s.reasons[v] ?? v) : "");
  const values: Record<string, string> = {
    caseId: str(data.caseId),
    title: str(data.title),
    severity: sev("severity"),
    requested: sev("requestedSeverity"),
    from: sev("from"),
    to: sev("to"),
    due: at("dueAt"),
    received: at("receivedAt"),
    since: at("waitingSince"),
    wait: formatDuration(data.expectedWait as string | undefined, language),
    reason: reason(data.reason),
    code: str(data.code),
  };
  switch (template) {
    case "acknowledgement": {
      const reasons = ((data.reasons as readonly string[] | undefined) ?? []).map((r) => s.reasons[r] ?? r).join(" ");
      const lines = [...s.acknowledgement];
      if (data.requestedSeverity !== undefined && (data.requestedSeverity !== data.severity || reasons !== ""))
        lines.splice(2, 0, fill(s.adjusted, { ...values, reasons }));
      return assemble(s.acknowledgementSubject, [...lines, s.signature], values, language);
    }
    case "severityChanged":
      return assemble(
        s.severityChangedSubject,
        [...s.severityChanged, ...(data.dueAt ? [s.severityChangedDue] : []), s.signature],
        { ...values, reason: str(data.reason) },
        language,
      );
    case "severityLowered":
      return assemble(s.severityLoweredSubject, [...s.severityLowered, s.signature], values, language);
    case "customerReminder":
      return assemble(
        s.customerReminderSubject,
        [...(data.final ? [s.customerReminder[0]!, s.customerReminderFinal] : s.customerReminder), s.signature],
        values,
        language,
      );
    case "closingSurvey":
      return assemble(
        s.closingSurveySubject,
        [...s.closingSurvey, s.signature],
        { ...values, when: at("closedAt"), until: at("reopenableUntil") },
        language,
      );
    case "reopened":
      return assemble(s.reopenedSubject, [...s.reopened, s.signature], values, language);
    case "reopenRefused":
      return assemble(
        s.reopenRefusedSubject,
        [...s.reopenRefused, s.signature],
        { ...values, when: at("closedAt"), until: at("reopenableUntil") },
        language,
      );
    case "verificationCode":
      return assemble(
        s.verificationCodeSubject,
        [...s.verificationCode, s.signature],
        { ...values, until: at("expiresAt") },
        language,
      );
    case "warning":
    case "escalation":
    case "customerSilent":
      throw new Error("unreachable: support templates are rendered above");
  }
}

/** The verification code as one SMS in the reader's language, with the end of validity in the organisation's time. */
export function renderVerificationSms(
  data: { readonly code: string; readonly expiresAt: string },
  language: Language,
  timeZone: string,
): string {
  return fill(sentences[language].verificationSms, {
    code: data.code,
    until: formatInstant(data.expiresAt, language, timeZone),
  });
}
