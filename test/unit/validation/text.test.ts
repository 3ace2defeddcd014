import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { text } from "../../../shared/validation/text.js";
import { supportRequestSchema } from "../../../shared/intake/request.js";

const title = text({ min: 1, max: 200 });
const body = text({ min: 1, max: 20_000, multiline: true });

describe("text fields at the boundary (issue 11, finding 8)", () => {
  it("refuses C0/C1 control characters and DEL, naming the rule and never the input", () => {
    for (const value of ["a\u0000b", "a\u001b[31mc", "x\u007f", "\u0080", "\u009b2J", "a\u000bb", "a\u000cb"]) {
      const result = title.safeParse(value);
      expect(result.success, JSON.stringify(value)).toBe(false);
      expect(result.error!.issues[0]!.message).toBe("must not contain control characters");
      expect(body.safeParse(value).success).toBe(false);
    }
  });

  it("refuses unpaired surrogates, which no UTF-8 mail or log can carry", () => {
    for (const value of ["\uD800", "a\uDC00", "\uDBFFx", "🙂\uD83D"]) {
      expect(title.safeParse(value).error!.issues[0]!.message).toBe(
        "must be valid Unicode text (no unpaired surrogate)",
      );
    }
    expect(title.parse("🙂 fine")).toBe("🙂 fine");
  });

  it("folds line breaks and tabs to one space in single-line fields, so a subject stays one header line", () => {
    expect(title.parse("Mail\r\nBcc: x@y")).toBe("Mail Bcc: x@y");
    expect(title.parse("a \t\n\n b\u2028c\u0085d")).toBe("a b c d");
    expect(title.parse("  spaced   out  ")).toBe("spaced   out");
  });

  it("keeps line breaks of multi-line fields as \\n", () => {
    expect(body.parse("line 1\r\nline 2\rline 3\u2029end\ttab")).toBe("line 1\nline 2\nline 3\nend\ttab");
  });

  it("normalises to NFC and applies the limits to the result", () => {
    expect(title.parse("e\u0301")).toBe("\u00e9");
    expect(title.safeParse(" \r\n ").success).toBe(false);
    expect(text({ max: 3 }).safeParse("abc\r\n").success).toBe(true);
  });

  it("whatever comes in, what comes out has no control character but \\n and \\t (multi-line) or none (single-line)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), (value) => {
        const one = title.safeParse(value);
        // eslint-disable-next-line no-control-regex -- the property is about control characters
        if (one.success) expect(one.data).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
        const many = body.safeParse(value);
        // eslint-disable-next-line no-control-regex -- the property is about control characters
        if (many.success) expect(many.data).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/);
      }),
      { numRuns: 500 },
    );
  });

  it("is what the Request schema uses for title, description and impact statement", () => {
    const request = {
      tenantId: "contoso",
      requester: { email: "a@contoso.com" },
      category: "technical",
      severity: "B",
      title: "a\r\nb",
      description: "d",
    };
    expect(supportRequestSchema.parse(request).title).toBe("a b");
    expect(supportRequestSchema.safeParse({ ...request, description: "\u0000" }).success).toBe(false);
    expect(supportRequestSchema.safeParse({ ...request, impactStatement: "\uD800" }).success).toBe(false);
  });
});
