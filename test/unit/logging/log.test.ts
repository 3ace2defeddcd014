import { describe, expect, it } from "vitest";
import { formatLogLine, scrub } from "../../../shared/logging/log.js";

describe("the log redaction point", () => {
  it("writes only allow-listed fields", () => {
    expect(formatLogLine("case opened", { caseId: "contoso.abc", email: "admin@contoso.com", body: "{...}" })).toBe(
      "case opened caseId=contoso.abc",
    );
  });

  it("scrubs personal data and secrets even from allowed fields and messages", () => {
    const secret = "whsec_" + Buffer.from("secret-key-for-tests").toString("base64");
    const line = formatLogLine("failed for admin@contoso.com with code 042917", {
      reason: `phone +33 1 23 45 67 89 secret ${secret}`,
    });
    expect(line).not.toMatch(/admin@contoso\.com|042917|\+33|whsec_/);
    expect(line).toContain("[email]");
    expect(line).toContain("[code]");
    expect(line).toContain("[phone]");
    expect(line).toContain("[secret]");
  });

  it("leaves ordinary words alone", () => {
    expect(scrub("case opened severity B")).toBe("case opened severity B");
  });
});
