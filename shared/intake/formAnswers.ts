import { type SupportRequest } from "./request.js";

/**
 * Form tools deliver answers keyed by the question as the form's author wrote it. The adapters collect
 * them into a map keyed by the normalised question (lower case, letters and digits only) and build the
 * Request from it here, so every tool is matched by the same question titles. A Map, never a plain
 * object: question titles are input, and `constructor` is a fine question title.
 */
export const normaliseQuestion = (label: string) => label.toLowerCase().replace(/[^a-z0-9]/g, "");

export type Answers = Map<string, string>;

/** Question titles a form may use, by the Request field they fill. */
const QUESTIONS: ReadonlyMap<string, readonly string[]> = new Map([
  ["tenantId", ["tenantid", "tenant", "organisationid", "organizationid"]],
  ["email", ["email", "emailaddress", "youremail", "responder", "requesteremail", "adminemail"]],
  ["phone", ["phone", "phonenumber", "yourphone", "telephone"]],
  ["category", ["category", "requesttype", "typeofrequest", "supporttype"]],
  ["severity", ["severity", "priority", "impact", "severitylevel"]],
  ["title", ["title", "subject", "summary"]],
  ["description", ["description", "details", "describetheproblem", "problemdescription"]],
  ["impactStatement", ["businessimpact", "impactstatement", "businessimpactstatement"]],
  ["contactMethod", ["contactmethod", "preferredcontact", "preferredcontactmethod", "howshouldwecontactyou"]],
]);

/** Keeps a non-blank string or number answer (trimmed); anything else is not an answer. */
export function addAnswer(answers: Answers, question: unknown, value: unknown): void {
  if (typeof question !== "string" || question === "") return;
  const key = normaliseQuestion(question);
  if (key === "" || answers.has(key)) return;
  if (typeof value === "string" && value.trim() !== "") answers.set(key, value.trim());
  else if (typeof value === "number" && Number.isFinite(value)) answers.set(key, String(value));
}

function categoryOf(value: string): string {
  const v = normaliseQuestion(value);
  if (v.startsWith("tech")) return "technical";
  if (v.startsWith("bill") || v.includes("subscription")) return "billing";
  if (v.startsWith("pre") || v.includes("sales")) return "presales";
  return value;
}

function severityOf(value: string): string {
  const v = value.trim();
  const letter = /^([ABCabc])(\b|[\s:–-])/.exec(v);
  if (letter) return letter[1]!.toUpperCase();
  const n = normaliseQuestion(v);
  if (n.startsWith("critical")) return "A";
  if (n.startsWith("high")) return "B";
  if (n.startsWith("medium") || n.startsWith("noncritical") || n.startsWith("low")) return "C";
  return value;
}

function contactOf(value: string): string {
  const n = normaliseQuestion(value);
  if (n.startsWith("phone") || n.startsWith("call")) return "phone";
  if (n.startsWith("email") || n.startsWith("mail") || n.startsWith("online")) return "email";
  return value;
}

/** The Request the answers describe (validated afterwards like any other request; nothing is decided here). */
export function requestFromAnswers(answers: Answers): Partial<Record<keyof SupportRequest, unknown>> {
  const pick = (field: string) => (QUESTIONS.get(field) ?? []).map((k) => answers.get(k)).find((v) => v !== undefined);
  const phone = pick("phone")?.replace(/[\s().-]/g, "");
  const category = pick("category");
  const severity = pick("severity");
  const contact = pick("contactMethod");
  const impact = pick("impactStatement");
  return {
    tenantId: pick("tenantId")?.toLowerCase(),
    requester: { email: pick("email"), ...(phone ? { phone } : {}) },
    category: category === undefined ? undefined : categoryOf(category),
    severity: severity === undefined ? undefined : severityOf(severity),
    title: pick("title"),
    description: pick("description"),
    ...(impact ? { impactStatement: impact } : {}),
    ...(contact ? { contactMethod: contactOf(contact) } : {}),
  };
}

/** A response id as a dedupe key: bounded printable ASCII, else none. */
export function responseIdOf(value: unknown): string | undefined {
  const id = typeof value === "number" && Number.isSafeInteger(value) ? String(value) : value;
  return typeof id === "string" && /^[\x21-\x7e]{1,200}$/.test(id) ? id : undefined;
}
