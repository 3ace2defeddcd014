import { DateTime, Duration } from "luxon";
import { type Language } from "../tenant/tenant.js";

/** Luxon/Intl locale for each supported language. */
export const locales: Readonly<Record<Language, string>> = {
  en: "en-GB",
  fr: "fr-FR",
  de: "de-DE",
  pl: "pl-PL",
  nb: "nb-NO",
  "zh-Hans": "zh-Hans-CN",
};

/** An instant as the reader sees it: in the organisation's time zone, in their language, with the zone named. */
export function formatInstant(iso: string | undefined, language: Language, timeZone: string): string {
  if (iso === undefined) return "—";
  const dt = DateTime.fromISO(iso, { zone: "utc" }).setZone(timeZone).setLocale(locales[language]);
  return `${dt.toLocaleString(DateTime.DATETIME_FULL)} (${timeZone})`;
}

/** An ISO duration in words ("1 day, 2 hours") in the reader's language. */
export function formatDuration(iso: string | undefined, language: Language): string {
  if (iso === undefined) return "—";
  const d = Duration.fromISO(iso);
  if (!d.isValid) return iso;
  const parts = d.shiftTo("days", "hours", "minutes").toObject();
  const kept = Object.fromEntries(Object.entries(parts).filter(([, v]) => v !== undefined && v !== 0));
  const shown = Duration.fromObject(Object.keys(kept).length > 0 ? kept : { minutes: 0 }, {
    locale: locales[language],
  });
  return shown.toHuman({ unitDisplay: "long", listStyle: "long" });
}
