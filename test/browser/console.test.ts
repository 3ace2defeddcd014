import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useApp } from "../e2e/client.js";
import { announceSkip, hasChromium, launchChromium } from "../support/browser.js";

/**
 * The console in a real browser (Debian's Chromium driven by playwright-core) against the whole app on the
 * local runtime with a virtual clock. Monday 23 November 2026, 08:00 UTC (09:00 Paris, 16:00 Beijing).
 */
const START = "2026-11-23T08:00:00.000Z";
export const SCREENSHOTS = join(process.cwd(), "test-output", "screenshots");

announceSkip("the console's browser tests (test/browser)");

const contoso = {
  name: "Contoso China",
  preset: "21vianet",
  timeZone: "Asia/Shanghai",
  advancedAgreement: true,
  holidays: [],
  admins: [{ email: "admin@contoso.cn", language: "zh-Hans" }],
};
const fabrikam = {
  name: "Fabrikam Paris",
  preset: "office365-2014",
  plan: "enterprise-e3",
  region: "FR",
  timeZone: "Europe/Paris",
  advancedAgreement: false,
  holidays: ["2026-12-25"],
  admins: [{ email: "it@fabrikam.fr", language: "fr" }],
};

const open = (tenantId: string, email: string, severity: string, title: string) => ({
  tenantId,
  requester: { email },
  category: "technical",
  severity,
  title,
  description: `${title}: reported by the customer`,
  impactStatement: "Production deadlines are affected",
});

describe.skipIf(!hasChromium)("the support console in Chromium", { timeout: 90_000 }, () => {
  const app = useApp(START);
  let browser: Browser;
  let page: Page;
  const ids: Record<string, string> = {};
  const cspViolations: string[] = [];

  const openCase = async (key: string, body: ReturnType<typeof open>) => {
    const res = await app.api.post<{ id: string }>("/api/cases", body);
    expect(res.status).toBe(202);
    ids[key] = res.body.id;
  };
  const consoleUrl = (path = "") => `${app.rt.url}/api/console/${path}`;
  const queueOrder = () =>
    page.locator("table.queue tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-case-id")));
  const row = (key: string) => page.locator(`tr[data-case-id="${ids[key]}"]`);

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    expect((await app.api.put("/api/tenants/contoso-cn", contoso)).status).toBe(201);
    expect((await app.api.put("/api/tenants/fabrikam", fabrikam)).status).toBe(201);
    await openCase("contosoA", open("contoso-cn", "admin@contoso.cn", "A", "Mail flow stopped"));
    await openCase("fabrikamB", open("fabrikam", "it@fabrikam.fr", "B", "Outlook send button garbled"));
    await openCase("contosoC", open("contoso-cn", "admin@contoso.cn", "C", "How to set a password that never expires"));
    await app.rt.clock.advance("PT10M");
    await openCase("fabrikamA", open("fabrikam", "it@fabrikam.fr", "A", "SharePoint site down"));
    await app.rt.drain();
    browser = await launchChromium();
    // A viewer in Paris who reads dates the British way: dates follow the viewer's locale and zone.
    page = await browser.newPage({
      viewport: { width: 1280, height: 800 },
      locale: "en-GB",
      timezoneId: "Europe/Paris",
    });
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
    });
    page.on("pageerror", (e) => cspViolations.push(`page error: ${e.message}`));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it("opens signed in from the printed link, keeps the key out of the address bar, and lists the queue by next deadline", async () => {
    expect(app.rt.logs().some((l) => l.startsWith(`console: ${app.rt.url}/api/console/#key=`))).toBe(true);
    await page.goto(consoleUrl(`#key=${encodeURIComponent(app.rt.functionKey)}`));
    await row("contosoC").waitFor();
    expect(page.url()).toBe(consoleUrl());
    // 08:10: A (Contoso) due 09:00, A (Fabrikam) due 09:10, B (8 h, any time) due 16:00, C (3 business days) last.
    expect(await queueOrder()).toEqual([ids.contosoA, ids.fabrikamA, ids.fabrikamB, ids.contosoC]);
    await expect(row("contosoA").locator(".countdown").textContent()).resolves.toBe("due in 50 min");
    await expect(row("fabrikamB").locator(".countdown").textContent()).resolves.toBe("due in 7 h 50 min");
  });

  it("refreshes by polling: past the warning and the breach, the breached case leads with its badge", async () => {
    await app.rt.clock.to("2026-11-23T09:05:00.000Z");
    await app.rt.drain();
    // No reload: the page polls the queue and picks the breach up.
    await row("contosoA").locator('[data-badge="breached"]').waitFor({ timeout: 30_000 });
    expect(await queueOrder()).toEqual([ids.contosoA, ids.fabrikamA, ids.fabrikamB, ids.contosoC]);
    await expect(row("contosoA").locator('[data-badge="breached"]').textContent()).resolves.toBe("Breached 5 min ago");
    await expect(row("contosoA").locator('[data-badge="escalation"]').textContent()).resolves.toBe("Escalation L1");
    await expect(row("contosoA").locator(".countdown").textContent()).resolves.toBe("breached 5 min ago");
    await expect(row("fabrikamA").locator('[data-badge="warned"]').textContent()).resolves.toBe("Warned");
    await expect(row("fabrikamA").locator(".countdown").textContent()).resolves.toMatch(/^due in (5 min|4 min)$/);
    // The due instant in the viewer's zone and in the tenant's (Beijing is UTC+8: 17:00).
    await expect(row("contosoA").locator(".when").nth(1).textContent()).resolves.toMatch(/17:00/);
    await page.screenshot({ path: join(SCREENSHOTS, "queue.png"), fullPage: true });
  });

  it("keeps filters in the URL", async () => {
    await page.selectOption("#f-state", "breached");
    await page.click("form.filters button[type=submit]");
    await page.waitForURL(/state=breached/);
    await expect.poll(queueOrder).toEqual([ids.contosoA]);
    await page.goto(consoleUrl("?tenantId=fabrikam"));
    await expect.poll(queueOrder).toEqual([ids.fabrikamA, ids.fabrikamB]);
  });

  it("is usable with the keyboard: tab to a case and open it", async () => {
    await page.goto(consoleUrl());
    await row("contosoA").waitFor();
    const link = row("contosoA").locator("a").first();
    await link.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/api\/console\/cases\//);
    await page.locator("h1#case-title").waitFor();
    expect(await page.locator("h1#case-title").textContent()).toBe("Mail flow stopped");
  });

  it("explains every clock: target, calendar and the open time counted", async () => {
    await page.goto(consoleUrl(`cases/${ids.contosoA}`));
    const panel = page.locator('[data-clock="initialResponse"] [data-explanation]');
    await panel.waitFor();
    expect(await panel.locator(".explain-head").textContent()).toContain("1 h, any time");
    await panel.locator("summary").click();
    expect(await panel.locator("tbody tr").count()).toBe(1);
    await page.screenshot({ path: join(SCREENSHOTS, "case.png"), fullPage: true });
    // Sev C on the 09:00–24:00 desk: three business days of 15 h, counted over several days.
    await page.goto(consoleUrl(`cases/${ids.contosoC}`));
    const c = page.locator('[data-clock="initialResponse"] [data-explanation]');
    await c.waitFor();
    expect(await c.locator(".explain-head").textContent()).toContain("3 business days");
    await c.locator("summary").click();
    expect(await c.locator("tbody tr").count()).toBeGreaterThanOrEqual(3);
  });

  it("changes a severity through the page; without a reason the refusal is shown in plain words", async () => {
    await page.goto(consoleUrl(`cases/${ids.fabrikamB}`));
    await page.locator('form[data-form="severity"]').waitFor();
    await page.selectOption("#s-severity", "A");
    await page.click('button[data-action="severityChanged"]');
    await expect
      .poll(() => page.locator("[data-outcome]").textContent())
      .toBe("Say why the severity changes: a reason is required.");
    expect((await app.api.get<{ severity: string }>(`/api/cases/${ids.fabrikamB}`)).body.severity).toBe("B");
    await page.fill("#s-reason", "All users of the tenant affected");
    await page.click('button[data-action="severityChanged"]');
    await expect.poll(() => page.locator("[data-outcome]").textContent()).toBe("Done.");
    await expect.poll(() => page.locator('[data-field="severity"] .sev').textContent()).toBe("A");
    expect((await app.api.get<{ severity: string }>(`/api/cases/${ids.fabrikamB}`)).body.severity).toBe("A");
    // A refused transition (409) in plain words: reopening a case that is open.
    await page.click('button[data-action="reopened"]');
    await expect
      .poll(() => page.locator("[data-outcome]").textContent())
      .toBe("This action does not apply to the case as it is now (for example, it is already closed).");
  });

  it("answers through the page and reports the outcomes: per tenant, severity and month, with the breach linked", async () => {
    for (const key of ["contosoA", "fabrikamA"]) {
      await page.goto(consoleUrl(`cases/${ids[key]}`));
      await page.locator('button[data-action="agentResponded"]').click();
      await expect.poll(() => page.locator("[data-outcome]").textContent()).toBe("Done.");
    }
    await app.rt.drain();
    await page.goto(consoleUrl("reports?from=2026-11&to=2026-11"));
    const contosoRow = page.locator('tr[data-row="contoso-cn 2026-11 A"]');
    await contosoRow.waitFor();
    // Contoso A: received 08:00, breached 09:00, answered 09:05 — 1 case, 0 % met, first response 65 min.
    expect(await contosoRow.locator('[data-field="cases"]').textContent()).toBe("1");
    expect(await contosoRow.locator('[data-field="met"]').textContent()).toMatch(/^0\s%$/);
    expect(await contosoRow.locator('[data-field="median"]').textContent()).toBe("1 h 05 min");
    expect(await contosoRow.locator('[data-field="breaches"] a').getAttribute("href")).toBe(
      `/api/console/cases/${ids.contosoA}`,
    );
    // Fabrikam A: received 08:10, answered 09:05 in time — 100 % met, 55 min. Its Sev B case (now A) is unanswered.
    const fabrikamRow = page.locator('tr[data-row="fabrikam 2026-11 A"]');
    expect(await fabrikamRow.locator('[data-field="cases"]').textContent()).toBe("1");
    expect(await fabrikamRow.locator('[data-field="met"]').textContent()).toMatch(/^100\s%$/);
    expect(await fabrikamRow.locator('[data-field="p90"]').textContent()).toBe("55 min");
    expect(await page.locator("table.report tbody tr").count()).toBe(2);
    // The same numbers from the API, and the CSV the page downloads.
    const api = await app.api.get<{ rows: { tenantId: string; cases: number; metPercent: number }[] }>(
      "/api/reports/sla?from=2026-11&to=2026-11",
    );
    expect(api.body.rows.map((r) => [r.tenantId, r.cases, r.metPercent])).toEqual([
      ["contoso-cn", 1, 0],
      ["fabrikam", 1, 100],
    ]);
    await page.locator('[data-chart="attainment"] canvas').waitFor();
    await page.locator('[data-chart="distribution"] canvas').waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), page.click('button[data-action="csv"]')]);
    expect(download.suggestedFilename()).toBe("sla-2026-11-2026-11.csv");
    await page.screenshot({ path: join(SCREENSHOTS, "report.png"), fullPage: true });
  });

  it("tenant page: the calendar's week, holidays and admins, and an edit through the existing route", async () => {
    await page.goto(consoleUrl("tenants/fabrikam"));
    await page.locator("table.week").first().waitFor();
    expect(await page.locator('[data-holiday="2026-12-25"]').count()).toBe(1);
    await page.fill("#t-holiday", "2026-12-24");
    await page.locator("button", { hasText: "Add holiday" }).click();
    await page.locator("button", { hasText: "Save" }).click();
    await expect.poll(() => page.locator(".tenant-form [role=status]").textContent()).toMatch(/^Saved/);
    const tenant = await app.api.get<{ holidays: string[] }>("/api/tenants/fabrikam");
    expect(tenant.body.holidays).toEqual(["2026-12-24", "2026-12-25"]);
  });

  it("is served by the app: index.html never cached, hashed assets for a year, a strict CSP, only built files", async () => {
    const index = await fetch(consoleUrl());
    expect(index.status).toBe(200);
    expect(index.headers.get("cache-control")).toBe("no-store");
    expect(index.headers.get("content-security-policy")).toMatch(
      /default-src 'none'; script-src 'self'; style-src 'self'/,
    );
    const html = await index.text();
    const assets = [...html.matchAll(/(?:src|href)="(\/api\/console\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThanOrEqual(2);
    expect(html).not.toMatch(/<script>|<style>|style="/);
    for (const path of assets) {
      const asset = await fetch(app.rt.url + path);
      expect(asset.status).toBe(200);
      expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      expect(asset.headers.get("content-security-policy")).not.toBeNull();
    }
    // A page of the console is index.html; a file the build did not write is not served, whatever the path.
    expect((await fetch(consoleUrl("cases/anything"))).headers.get("content-type")).toMatch(/text\/html/);
    for (const path of ["assets/nope.js", "assets/..%2F..%2F..%2Fpackage.json", "assets/%2e%2e%2findex.html"]) {
      const missing = await fetch(consoleUrl(path));
      expect(missing.status, path).toBe(404);
      expect(missing.headers.get("content-type"), path).toContain("application/problem+json");
      expect(await missing.json(), path).toMatchObject({ type: "urn:caseclock:problem:console-file-not-found" });
    }
    // No key needed for the files; the API behind them still refuses a call without one.
    expect((await fetch(`${app.rt.url}/api/cases?sort=nextDueAt`)).status).toBe(401);
  });

  it("reads at phone width without sideways scrolling, and never broke its Content-Security-Policy", async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: "en-GB" });
    // A new tab has its own sessionStorage: it opens from the printed link like the first one.
    await phone.goto(consoleUrl(`#key=${encodeURIComponent(app.rt.functionKey)}`));
    await phone.locator("table.queue tbody tr").first().waitFor();
    // Evaluated in the page (a string: this file is type-checked without the DOM library).
    const overflow = await phone.evaluate<number>("document.documentElement.scrollWidth - window.innerWidth");
    expect(overflow).toBeLessThanOrEqual(0);
    await phone.screenshot({ path: join(SCREENSHOTS, "queue-phone.png"), fullPage: true });
    await phone.close();
    expect(cspViolations).toEqual([]);
  });
});
