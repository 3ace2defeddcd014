import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatLogLine, scrub } from "../../../shared/logging/log.js";
import { newCaseId } from "../../../shared/case/index.js";

describe("log redaction (issue 11, finding 6)", () => {
  it("writes every verification id, case id and instance id verbatim", () => {
    for (let i = 0; i < 2_000; i += 1) {
      const verificationId = randomUUID();
      const caseId = newCaseId("contoso-cn");
      const instanceId = `case:contoso-cn:${caseId}`;
      expect(formatLogLine("verification started", { verificationId })).toBe(
        `verification started verificationId=${verificationId}`,
      );
      expect(formatLogLine("x", { caseId, instanceId })).toBe(`x caseId=${caseId} instanceId=${instanceId}`);
      // Also when they appear in free text (the runtime's own lines).
      expect(scrub(`orchestration caseLifecycle (${instanceId}) completed, ${verificationId}`)).toBe(
        `orchestration caseLifecycle (${instanceId}) completed, ${verificationId}`,
      );
    }
  });

  it("never writes an address or a phone number, whatever field carries it", () => {
    const line = formatLogLine("sent to jane.doe@example.com and +33 6 12 34 56 78", {
      caseId: "jane.doe@example.com",
      tenantId: "+33612345678",
      source: "a b",
      reason: "call 06 12 34 56 78 or mail x@y.fr, code 123456",
      outcome: "GET /api/cases/0612345678/events",
      ignored: "jane@example.com",
    });
    expect(line).toBe(
      "sent to [email] and [phone] caseId=[redacted] tenantId=[redacted] source=[redacted] reason=call [phone] or mail [email], code [code] outcome=GET /api/cases/[phone]/events",
    );
  });

  it("free-text redaction never changes a token made of id characters", () => {
    // (A run of digits right after a colon is redacted on purpose: "code:123456" is a code, not an id.)
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z][a-z0-9._-]{0,60}$/), (id) => {
        expect(scrub(`id ${id} ok`)).toBe(`id ${id} ok`);
      }),
      { numRuns: 1_000 },
    );
  });

  it("keeps status codes and durations readable: short digit runs are neither codes nor numbers", () => {
    // The runtime's request lines were once "GET /api/cases/{id} → getCase [phone] ms)" (found from outside).
    expect(scrub("GET /api/cases/{id} → getCase 200 (12 ms)")).toBe("GET /api/cases/{id} → getCase 200 (12 ms)");
    expect(scrub("getCase status=503 ms=1234")).toBe("getCase status=503 ms=1234");
    expect(scrub("call 555-0100 or 123 456")).toBe("call [phone] or [phone]");
  });

  it("keeps dates and ISO instants readable", () => {
    expect(scrub("holiday 2026-12-25, due 2026-11-21T15:30:00.000Z")).toBe(
      "holiday 2026-12-25, due 2026-11-21T15:30:00.000Z",
    );
  });
});
