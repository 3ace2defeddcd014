import { describe, expect, it } from "vitest";
import { countdownText, formatDuration, formatInstant } from "../../../console/src/format.js";

describe("the console's countdowns and dates", () => {
  const due = "2026-11-23T09:00:00.000Z";
  const at = (iso: string) => Date.parse(iso);

  it("reads at a glance: seconds, minutes, hours with minutes, days with hours", () => {
    expect(formatDuration(45_000)).toBe("45 s");
    expect(formatDuration(12 * 60_000 + 59_000)).toBe("12 min");
    expect(formatDuration(2 * 3_600_000 + 5 * 60_000)).toBe("2 h 05 min");
    expect(formatDuration(3 * 86_400_000 + 4 * 3_600_000 + 59 * 60_000)).toBe("3 d 4 h");
    expect(formatDuration(2 * 86_400_000)).toBe("2 d");
  });

  it("counts down to the due instant, then says how long ago the breach was", () => {
    expect(countdownText(due, at("2026-11-23T08:10:00.000Z"))).toBe("due in 50 min");
    expect(countdownText(due, at("2026-11-23T09:00:00.000Z"))).toBe("due in 0 s");
    expect(countdownText(due, at("2026-11-23T09:00:30.000Z"))).toBe("overdue by 30 s");
    expect(countdownText(due, at("2026-11-23T10:05:00.000Z"), due)).toBe("breached 1 h 05 min ago");
    expect(countdownText(null, at(due))).toBe("no deadline");
  });

  it("shows an instant in the viewer's locale, in a named zone when asked", () => {
    expect(formatInstant(due, "Asia/Shanghai", "en-GB")).toMatch(/23 Nov.*17:00/);
    expect(formatInstant(due, "Europe/Paris", "fr-FR")).toMatch(/23 nov.*10:00/);
  });
});
