import { Duration } from "luxon";
import { type Settings } from "./index.js";
import { type ClockSettings } from "../policy/casePolicy.js";

/** The operator's clock settings (SPEC §2.3), as the policy snapshot of new cases carries them. */
export function clockSettingsOf(s: Settings): ClockSettings {
  const hours = (iso: string) => Duration.fromISO(iso).as("hours");
  return {
    warningFraction: s.CASECLOCK_WARNING_FRACTION,
    escalationRepeat:
      s.CASECLOCK_ESCALATION_REPEAT === "target"
        ? { kind: "target" }
        : { kind: "elapsed", hours: hours(s.CASECLOCK_ESCALATION_REPEAT) },
    followUpHours: hours(s.CASECLOCK_FOLLOW_UP_INTERVAL),
    reopenWindowDays: s.CASECLOCK_REOPEN_WINDOW_DAYS,
  };
}
