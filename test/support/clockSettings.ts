import { clockSettingsFromEnvironment } from "../../shared/config/clockSettings.js";
import { type ClockSettings } from "../../shared/policy/index.js";

/** The operator's defaults (one source: the settings schema) with two escalation levels, as the examples configure. */
export const defaultClockSettings: ClockSettings = clockSettingsFromEnvironment({
  CASECLOCK_SUPPORT_CONTACTS: JSON.stringify({
    queues: { technical: ["t@support.example"], billing: ["b@support.example"], presales: ["p@support.example"] },
    escalation: [["duty@support.example"], ["head@support.example"]],
  }),
});

export function clockSettingsWith(changes: Partial<ClockSettings>): ClockSettings {
  return { ...defaultClockSettings, ...changes };
}
