import { describe, expect, it } from "vitest";
import { isStaleDoorbell } from "../../../orchestrations/doorbell.js";

describe("a case's doorbell", () => {
  const applied = new Set(["e1", "e2"]);

  it("is stale when it names an event the turn applied", () => {
    expect(isStaleDoorbell({ at: "event", eventId: "e1" }, applied)).toBe(true);
    expect(isStaleDoorbell({ at: "event", eventId: "e2" }, applied)).toBe(true);
  });

  it("is fresh for any other event, the watchdog, and whatever shape an older version rang with", () => {
    expect(isStaleDoorbell({ at: "event", eventId: "e3" }, applied)).toBe(false);
    expect(isStaleDoorbell({ at: "watchdog" }, applied)).toBe(false);
    expect(isStaleDoorbell({ at: "inbox" }, applied)).toBe(false);
    expect(isStaleDoorbell({ at: "watchdog", eventId: "e1" }, applied)).toBe(false);
    for (const ring of [undefined, null, "e1", 1, [], { eventId: "e1" }, { at: "event", eventId: 1 }])
      expect(isStaleDoorbell(ring, applied)).toBe(false);
  });
});
