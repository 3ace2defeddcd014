import { Duration } from "luxon";
import { z } from "zod";
import { type ClockSettings } from "../policy/clockSettings.js";
import { ConfigurationError } from "./configurationError.js";
import { clockSettingFields, json, supportContactsSchema, type Settings } from "./settings.js";

type ClockSettingValues = Pick<Settings, keyof typeof clockSettingFields> & {
  readonly CASECLOCK_SUPPORT_CONTACTS?: Settings["CASECLOCK_SUPPORT_CONTACTS"] | undefined;
};

const hours = (iso: string) => Duration.fromISO(iso).as("hours");

/** The operator's clock settings (docs/policy.md §2.3), built once from validated settings and handed to the policy. */
export function clockSettingsOf(s: ClockSettingValues): ClockSettings {
  return {
    warningFraction: s.CASECLOCK_WARNING_FRACTION,
    escalationClimb:
      s.CASECLOCK_ESCALATION_REPEAT === "target"
        ? { kind: "target" }
        : { kind: "elapsed", hours: hours(s.CASECLOCK_ESCALATION_REPEAT) },
    escalationLevels: s.CASECLOCK_SUPPORT_CONTACTS?.escalation.length ?? 1,
    followUpHours: s.CASECLOCK_FOLLOW_UP_INTERVAL === undefined ? undefined : hours(s.CASECLOCK_FOLLOW_UP_INTERVAL),
    reopenWindowDays: s.CASECLOCK_REOPEN_WINDOW_DAYS,
    lowerOnCustomerSilence: s.CASECLOCK_LOWER_ON_CUSTOMER_SILENCE,
    customerReminders: s.CASECLOCK_CUSTOMER_REMINDERS,
    autoCloseDays: s.CASECLOCK_AUTO_CLOSE_DAYS,
  };
}

const clockSettingsSchema = z.object({
  ...clockSettingFields,
  CASECLOCK_SUPPORT_CONTACTS: json(supportContactsSchema).optional(),
});

/**
 * The clock settings of an environment alone (for `caseclock due`, which needs no database): the same
 * fields, defaults and validation as the app.
 */
export function clockSettingsFromEnvironment(env: Readonly<Record<string, string | undefined>>): ClockSettings {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const result = clockSettingsSchema.safeParse(present);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join(".") || "settings"} ${i.message}`);
    throw new ConfigurationError(`Invalid configuration: ${problems.join("; ")}`);
  }
  return clockSettingsOf(result.data);
}
