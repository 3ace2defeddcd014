import { describe, expect, it } from "vitest";
import { validate } from "../../../functions/http/body.js";
import { ProblemError } from "../../../functions/http/problem.js";
import { tenantProfileSchema } from "../../../shared/tenant/tenant.js";

/** The problem `validate` throws, as its JSON body. */
function problemOf(run: () => unknown): { errors: { pointer: string; detail: string }[] } {
  try {
    run();
  } catch (error) {
    if (!(error instanceof ProblemError)) throw error;
    return error.problem.extensions as { errors: { pointer: string; detail: string }[] };
  }
  throw new Error("validate accepted the value");
}

describe("validation problems", () => {
  it("keeps our own messages whole (the list of a preset's plans was once cut before its closing parenthesis)", () => {
    const problem = problemOf(() =>
      validate(tenantProfileSchema, {
        name: "Fabrikam",
        preset: "worldwide",
        timeZone: "UTC",
        advancedAgreement: false,
        holidays: [],
        admins: [{ email: "a@fabrikam.example", language: "en" }],
      }),
    );
    const plan = problem.errors.find((e) => e.pointer === "/plan");
    expect(plan?.detail).toMatch(/^is required for preset worldwide \(one of .*enterprise-e4.*\)$/);
  });

  it("cuts what echoes the caller's input, and says so", () => {
    const problem = problemOf(() => validate(tenantProfileSchema.strict(), { ["k".repeat(3_000)]: 1 }));
    const unknown = problem.errors.find((e) => e.detail.startsWith("Unrecognized key"));
    expect(unknown?.detail.length).toBe(1_000);
    expect(unknown?.detail.endsWith("…")).toBe(true);
  });
});
