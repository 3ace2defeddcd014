import { type CalendarDefinitionInput } from "../../calendar/index.js";

type Week = CalendarDefinitionInput["week"];

/** The same open interval on each of the given weekdays: the one week builder presets use. */
function week(days: readonly (keyof Week)[], from: string, to: string): Week {
  return Object.fromEntries(days.map((day) => [day, [{ from, to }]]));
}

export const mondayToFriday = (from: string, to: string): Week => week(["mon", "tue", "wed", "thu", "fri"], from, to);

export const everyDay = (from: string, to: string): Week =>
  week(["mon", "tue", "wed", "thu", "fri", "sat", "sun"], from, to);
