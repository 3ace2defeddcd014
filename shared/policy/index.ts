export * from "./severity.js";
export * from "./target.js";
export * from "./casePolicy.js";
export * from "./eligibility.js";
export {
  presets,
  presetIds,
  CATEGORY_CALENDAR,
  presetSchema,
  type Preset,
  type PresetId,
  type CalendarTemplate,
} from "./presets/index.js";
export { previewDue, type PreviewInput } from "./preview.js";
export { type ClockSettings } from "./clockSettings.js";
