import { afterEach, describe, expect, it } from "vitest";
import { parseIsoDuration } from "../../local/clock/isoDuration.js";
import { installVirtualDate } from "../../local/clock/virtualDate.js";
import { parseTimerSchedule } from "../../local/timers/timerSchedule.js";
import { retryDelay, retryTimedOut } from "../../local/durable/retryPolicy.js";
import { AZURE_STORAGE } from "../../local/durable/durableBackend.js";
import { firstTimerPiece, isLongTimer, nextTimerPiece } from "../../local/durable/longTimers.js";

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

describe("ISO durations", () => {
  it("read weeks, days, hours, minutes and (fractional) seconds", () => {
    expect(parseIsoDuration("PT2H")).toBe(7_200_000);
    expect(parseIsoDuration("P1DT30M")).toBe(86_400_000 + 1_800_000);
    expect(parseIsoDuration("P2W")).toBe(14 * 86_400_000);
    expect(parseIsoDuration("PT0.5S")).toBe(500);
    expect(parseIsoDuration("PT0S")).toBe(0);
  });

  it("refuse what has no fixed length or is not a duration", () => {
    expect(() => parseIsoDuration("P1M")).toThrow(RangeError);
    expect(() => parseIsoDuration("P1Y")).toThrow(RangeError);
    expect(() => parseIsoDuration("2 hours")).toThrow(RangeError);
    expect(() => parseIsoDuration("P")).toThrow(RangeError);
  });
});

describe("the virtual Date", () => {
  it("answers now(), new Date() and Date() from the clock, and leaves everything else real", () => {
    const RealDate = Date;
    let now = Date.parse("2030-01-02T03:04:05.000Z");
    restore = installVirtualDate(() => now);
    expect(Date.now()).toBe(now);
    expect(new Date().toISOString()).toBe("2030-01-02T03:04:05.000Z");
    expect(typeof Date()).toBe("string");
    expect(new Date(0).toISOString()).toBe("1970-01-01T00:00:00.000Z");
    expect(new Date(2020, 0, 1).getFullYear()).toBe(2020);
    expect(Date.parse("2020-01-01T00:00:00Z")).toBe(1_577_836_800_000);
    expect(Date.UTC(2020, 0, 1)).toBe(1_577_836_800_000);
    expect(new Date() instanceof RealDate).toBe(true);
    expect(new RealDate() instanceof Date).toBe(true);
    class Stamp extends Date {}
    expect(new Stamp().getTime()).toBe(now);
    now += 1000;
    expect(new Date().getTime()).toBe(now);
  });
});

describe("timer schedules", () => {
  it("NCRONTAB with seconds, in UTC", () => {
    const s = parseTimerSchedule("0 */5 * * * *");
    expect(new Date(s.nextAfter(Date.parse("2026-11-20T10:05:00Z"))).toISOString()).toBe("2026-11-20T10:10:00.000Z");
    expect(new Date(s.lastAtOrBefore(Date.parse("2026-11-20T10:09:59Z"))).toISOString()).toBe(
      "2026-11-20T10:05:00.000Z",
    );
    expect(new Date(s.lastAtOrBefore(Date.parse("2026-11-20T10:10:00Z"))).toISOString()).toBe(
      "2026-11-20T10:10:00.000Z",
    );
  });

  it("TimeSpan intervals; five-field cron is refused (the host wants six)", () => {
    expect(parseTimerSchedule("00:30:00").nextAfter(0)).toBe(1_800_000);
    expect(() => parseTimerSchedule("*/5 * * * *")).toThrow(/6 fields/);
  });
});

describe("durable timing rules", () => {
  it("retry delays back off from the first interval, capped at the maximum", () => {
    const options = {
      firstRetryIntervalInMilliseconds: 1000,
      maxNumberOfAttempts: 5,
      backoffCoefficient: 2,
      maxRetryIntervalInMilliseconds: 3000,
    };
    expect([1, 2, 3, 4].map((n) => retryDelay(options, n))).toEqual([1000, 2000, 3000, 3000]);
    expect(retryDelay({ firstRetryIntervalInMilliseconds: 500, maxNumberOfAttempts: 3 }, 3)).toBe(500);
    expect(retryTimedOut({ ...options, retryTimeoutInMilliseconds: 10_000 }, 0, 10_000)).toBe(true);
    expect(retryTimedOut({ ...options, retryTimeoutInMilliseconds: 10_000 }, 0, 9_999)).toBe(false);
  });

  it("long timers are pieced as the extension's loop pieces them: 3 days while 3 days or more remain", () => {
    const day = 86_400_000;
    const pieces = (from: number, to: number) => {
      const out = [firstTimerPiece(AZURE_STORAGE, from, to)];
      for (let next = nextTimerPiece(AZURE_STORAGE, out.at(-1)!, to); next !== undefined;)
        next = (out.push(next), nextTimerPiece(AZURE_STORAGE, next, to));
      return out.map((t) => (t - from) / day);
    };
    expect(isLongTimer(AZURE_STORAGE, 0, 6 * day)).toBe(false);
    expect(isLongTimer(AZURE_STORAGE, 0, 6 * day + 1)).toBe(true);
    expect(pieces(0, 6 * day)).toEqual([6]);
    expect(pieces(0, 7 * day)).toEqual([3, 6, 7]);
    // The SDK alone would have chosen 3, 6, 9, 14: the history holds the extension's pieces.
    expect(pieces(0, 14 * day)).toEqual([3, 6, 9, 12, 14]);
  });
});
