import { type SupportRequest } from "./request.js";

/**
 * Intake adapters turn a form's payload into the Request shape; the result is validated like any other
 * request, so an adapter only renames and normalises, it never decides.
 */
export type AdapterName = "json" | "microsoft-forms";

export class AdapterError extends Error {
  override readonly name = "AdapterError";
  constructor(
    message: string,
    readonly pointer: string,
  ) {
    super(message);
  }
}

/** The generic adapter: the payload already is a Request. */
function json(payload: unknown): unknown {
  return payload;
}

const normalise = (label: string) => label.toLowerCase().replace(/[^a-z0-9]/g, "");

/** Question titles a Microsoft Forms / Power Automate flow may use, by the Request field they fill. */
const FORM_FIELDS: Record<string, readonly string[]> = {
  tenantId: ["tenantid", "tenant", "organisationid", "organizationid"],
  email: ["email", "emailaddress", "youremail", "responder", "requesteremail", "adminemail"],
  phone: ["phone", "phonenumber", "yourphone", "telephone"],
  category: ["category", "requesttype", "typeofrequest", "supporttype"],
  severity: ["severity", "priority", "impact", "severitylevel"],
  title: ["title", "subject", "summary"],
  description: ["description", "details", "describetheproblem", "problemdescription"],
  impactStatement: ["businessimpact", "impactstatement", "businessimpactstatement"],
  contactMethod: ["contactmethod", "preferredcontact", "preferredcontactmethod", "howshouldwecontactyou"],
};

function categoryOf(value: string): string {
  const v = normalise(value);
  if (v.startsWith("tech")) return "technical";
  if (v.startsWith("bill") || v.includes("subscription")) return "billing";
  if (v.startsWith("pre") || v.includes("sales")) return "presales";
  return value;
}

function severityOf(value: string): string {
  const v = value.trim();
  const letter = /^([ABCabc])(\b|[\s:–-])/.exec(v);
  if (letter) return letter[1]!.toUpperCase();
  const n = normalise(v);
  if (n.startsWith("critical")) return "A";
  if (n.startsWith("high")) return "B";
  if (n.startsWith("medium") || n.startsWith("noncritical") || n.startsWith("low")) return "C";
  return value;
}

function contactOf(value: string): string {
  const n = normalise(value);
  if (n.startsWith("phone") || n.startsWith("call")) return "phone";
  if (n.startsWith("email") || n.startsWith("mail") || n.startsWith("online")) return "email";
  return value;
}

/**
 * A flat payload as Power Automate posts a Microsoft Forms response: question titles as keys, answers
 * as strings. Titles are matched case- and punctuation-insensitively; blank answers count as absent.
 */
function microsoftForms(payload: unknown): unknown {
  if (payload === null || typeof payload !== "object" || Array.isArray(payload))
    throw new AdapterError("a Microsoft Forms payload is a flat JSON object of answers", "");
  const answers = new Map<string, string>();
  for (const [key, value] of Object.entries(payload as Record<string, unknown>)) {
    if (typeof value === "string" && value.trim() !== "") answers.set(normalise(key), value.trim());
    else if (typeof value === "number") answers.set(normalise(key), String(value));
  }
  const pick = (field: string) => FORM_FIELDS[field]!.map((k) => answers.get(k)).find((v) => v !== undefined);
  const phone = pick("phone")?.replace(/[\s().-]/g, "");
  const category = pick("category");
  const severity = pick("severity");
  const contact = pick("contactMethod");
  const request: Partial<Record<keyof SupportRequest, unknown>> = {
    tenantId: pick("tenantId")?.toLowerCase(),
    requester: { email: pick("email"), ...(phone ? { phone } : {}) },
    category: category === undefined ? undefined : categoryOf(category),
    severity: severity === undefined ? undefined : severityOf(severity),
    title: pick("title"),
    description: pick("description"),
    ...(pick("impactStatement") ? { impactStatement: pick("impactStatement") } : {}),
    ...(contact ? { contactMethod: contactOf(contact) } : {}),
  };
  return request;
}

export const adapters: Readonly<Record<AdapterName, (payload: unknown) => unknown>> = {
  json,
  "microsoft-forms": microsoftForms,
};
