import { z } from "zod";

/** docs/policy.md §1.1: A critical, B high, C medium / non-critical. */
export const severities = ["A", "B", "C"] as const;
export const severitySchema = z.enum(severities);
export type Severity = z.infer<typeof severitySchema>;

export const categories = ["technical", "billing", "presales"] as const;
export const categorySchema = z.enum(categories);
export type Category = z.infer<typeof categorySchema>;

/** One level less urgent (A→B, B→C); C stays C: docs/policy.md §2.3 never lowers C. */
export function lowerSeverity(severity: Severity): Severity {
  return severity === "A" ? "B" : "C";
}

/** True when `a` is more urgent than `b`. */
export function moreUrgent(a: Severity, b: Severity): boolean {
  return severities.indexOf(a) < severities.indexOf(b);
}
