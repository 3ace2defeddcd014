import { describe, expect, it } from "vitest";
import { AdapterError, adapters } from "../../../shared/intake/adapters.js";
import { supportRequestSchema } from "../../../shared/intake/request.js";

describe("intake adapters", () => {
  it("json passes the Request shape through", () => {
    const body = {
      tenantId: "contoso",
      requester: { email: "a@contoso.com" },
      category: "technical",
      severity: "B",
      title: "t",
      description: "d",
    };
    expect(adapters.json(body)).toBe(body);
  });

  it("microsoft-forms maps a flat Power Automate payload of question titles to a Request", () => {
    const mapped = adapters["microsoft-forms"]({
      "Tenant ID": "Contoso-CN",
      Responder: "admin@contoso.cn",
      "Phone number": "+86 10 5555 0100",
      "Type of request": "Billing and subscription",
      Severity: "B - High",
      Subject: "Invoice missing",
      "Describe the problem": "November invoice not in the portal",
      "Business impact": "",
      "Preferred contact method": "Phone call",
      Ignored: "extra answers are dropped",
    });
    const request = supportRequestSchema.parse(mapped);
    expect(request).toEqual({
      tenantId: "contoso-cn",
      requester: { email: "admin@contoso.cn", phone: "+861055550100" },
      category: "billing",
      severity: "B",
      title: "Invoice missing",
      description: "November invoice not in the portal",
      contactMethod: "phone",
    });
  });

  it.each([
    ["A - Critical", "A"],
    ["Critical", "A"],
    ["high", "B"],
    ["C", "C"],
    ["Non-critical", "C"],
  ])("reads severity %s as %s", (answer, severity) => {
    const mapped = adapters["microsoft-forms"]({ Severity: answer }) as { severity: string };
    expect(mapped.severity).toBe(severity);
  });

  it("leaves what it cannot map for validation to refuse", () => {
    const mapped = adapters["microsoft-forms"]({ Severity: "whenever", Category: "gardening" });
    expect(supportRequestSchema.safeParse(mapped).success).toBe(false);
  });

  it("refuses a payload that is not a flat object", () => {
    expect(() => adapters["microsoft-forms"]([1, 2])).toThrow(AdapterError);
    expect(() => adapters["microsoft-forms"]("text")).toThrow(AdapterError);
  });
});
