import { presetSchema, type Preset } from "./schema.js";
import { office365_2014 } from "./office365-2014.js";
import { vianet21 } from "./21vianet.js";
import { worldwide } from "./worldwide.js";

export { CATEGORY_CALENDAR, presetSchema, type Preset, type CalendarTemplate } from "./schema.js";

export const presetIds = ["office365-2014", "21vianet", "worldwide"] as const;
export type PresetId = (typeof presetIds)[number];

/** Validated at load: a malformed preset stops the app at start-up, not at the first request. */
export const presets: Readonly<Record<PresetId, Preset>> = {
  "office365-2014": presetSchema.parse(office365_2014),
  "21vianet": presetSchema.parse(vianet21),
  worldwide: presetSchema.parse(worldwide),
};
