import { describe, expect, it } from "vitest";
import { languages } from "../../../shared/tenant/tenant.js";
import { renderMail, renderVerificationSms } from "../../../shared/mail-templates/render.js";
import { sentences } from "../../../shared/mail-templates/strings.js";

const ack = {
  caseId: "contoso.abcdefghijklmnop",
  title: "Mail <b>down</b>",
  severity: "B",
  requestedSeverity: "A",
  reasons: ["sev-a-requires-advanced-agreement"],
  receivedAt: "2026-11-20T15:30:00.000Z",
  dueAt: "2026-11-21T15:30:00.000Z",
  expectedWait: "P1D",
};

describe("mail rendering", () => {
  it("has every sentence in every language", () => {
    const keys = Object.keys(sentences.en).sort();
    for (const lang of languages) {
      expect(Object.keys(sentences[lang]).sort()).toEqual(keys);
      expect(Object.keys(sentences[lang].reasons).sort()).toEqual(Object.keys(sentences.en.reasons).sort());
    }
  });

  it("renders the acknowledgement with the due time in the tenant's zone and the lowering reason, per language", () => {
    const fr = renderMail("acknowledgement", ack, "fr", "Asia/Shanghai");
    expect(fr.subject).toBe("[contoso.abcdefghijklmnop] Nous avons bien reçu votre demande : Mail <b>down</b>");
    expect(fr.text).toContain("La gravité A n'est disponible qu'avec un contrat de services en ligne avancés signé.");
    expect(fr.text).toContain("Vous avez demandé la gravité A (critique)");
    expect(fr.text).toMatch(/21 novembre 2026.*23:30.*\(Asia\/Shanghai\)/);
    // Intl separates numbers from units with a no-break space.
    expect(fr.text.replace(/\s/g, " ")).toContain("(sous 1 jour)");
    const pl = renderMail("acknowledgement", ack, "pl", "Asia/Shanghai");
    expect(pl.text).toContain("Poziom A jest dostępny tylko przy podpisanej umowie");
    expect(pl.text).toMatch(/21 listopada 2026/);
    const zh = renderMail("acknowledgement", ack, "zh-Hans", "Asia/Shanghai");
    expect(zh.text).toContain("仅签署了高级在线服务协议的客户才能使用严重级别 A。");
    expect(zh.text).toMatch(/2026年11月21日/);
    expect(renderMail("acknowledgement", ack, "nb", "Europe/Oslo").text).toContain(
      "Alvorlighetsgrad A er bare tilgjengelig",
    );
  });

  it("escapes HTML and keeps the language on the document", () => {
    const en = renderMail("acknowledgement", ack, "en", "UTC");
    expect(en.html).toContain("Mail &lt;b&gt;down&lt;/b&gt;");
    expect(en.html).toContain('<html lang="en">');
  });

  it("omits the adjustment sentence when nothing was adjusted", () => {
    const en = renderMail("acknowledgement", { ...ack, requestedSeverity: "B", reasons: [] }, "en", "UTC");
    expect(en.text).not.toContain("You asked for severity");
  });

  it("tells the customer why severity was lowered", () => {
    const pl = renderMail(
      "severityLowered",
      {
        caseId: "c",
        title: "t",
        severity: "B",
        from: "A",
        to: "B",
        reason: "customer-silent",
        waitingSince: "2026-11-20T16:00:00.000Z",
        dueAt: "2026-11-23T16:00:00.000Z",
      },
      "pl",
      "Europe/Warsaw",
    );
    expect(pl.subject).toBe("[c] Obniżono poziom ważności do B (wysoki)");
    expect(pl.text).toContain("ponieważ nie otrzymaliśmy na czas informacji");
  });

  it("writes support-side messages in English", () => {
    const esc = renderMail(
      "escalation",
      {
        caseId: "c",
        title: "t",
        severity: "B",
        clock: "initialResponse",
        dueAt: "2026-11-21T15:30:00.000Z",
        level: 2,
        escalations: 2,
      },
      "fr",
      "Asia/Shanghai",
    );
    expect(esc.language).toBe("en");
    expect(esc.subject).toBe("[c] Escalation level 2: initial response still unanswered");
    const first = renderMail(
      "escalation",
      { caseId: "c", level: 1, escalations: 1, clock: "initialResponse" },
      "en",
      "UTC",
    );
    expect(first.subject).toBe("[c] Escalation level 1: initial response breached");
  });

  it("writes German, and Polish durations in the nominative (no 'w ciągu 1 dzień')", () => {
    const data = {
      caseId: "c",
      title: "Mail",
      severity: "B",
      receivedAt: "2026-11-20T15:30:00.000Z",
      dueAt: "2026-11-21T17:30:00.000Z",
      expectedWait: "P1DT2H",
    };
    const de = renderMail("acknowledgement", data, "de", "Europe/Berlin");
    expect(de.language).toBe("de");
    expect(de.subject).toBe("[c] Wir haben Ihre Anfrage erhalten: Mail");
    expect(de.text).toContain("Wartezeit: 1 Tag und 2 Stunden");
    const pl = renderMail("acknowledgement", data, "pl", "Europe/Warsaw");
    expect(pl.text).not.toMatch(/w ciągu/);
    expect(pl.text).toContain("(czas oczekiwania: 1 dzień i 2 godziny)");
  });

  it("keeps a subject on one line whatever the title holds (CR/LF, NUL, ESC, lone surrogates)", () => {
    const m = renderMail(
      "acknowledgement",
      { caseId: "c", title: "a\u0000b\u001b[31mc\r\nBcc: x@y \ud800z" },
      "en",
      "UTC",
    );
    // eslint-disable-next-line no-control-regex -- the assertion is about control characters
    expect(m.subject).not.toMatch(/[\u0000-\u001f\u007f]/);
    expect(m.subject).toBe("[c] We received your request: a b [31mc Bcc: x@y \ufffdz");
  });

  it("renders the verification SMS in the admin's language with the end of validity", () => {
    const sms = renderVerificationSms({ code: "123456", expiresAt: "2026-11-20T10:10:00.000Z" }, "fr", "Europe/Paris");
    expect(sms).toMatch(/^Votre code de vérification du support : 123456 \(valable jusqu'au .*11:10.*\)/);
  });

  it("puts the verification code in the message and nowhere else", () => {
    const m = renderMail(
      "verificationCode",
      { code: "042917", expiresAt: "2026-11-20T10:10:00.000Z" },
      "nb",
      "Europe/Oslo",
    );
    expect(m.text).toContain("042917");
    expect(m.subject).not.toContain("042917");
  });
});
