const PATTERN =
  /^P(?!$)(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?=\d)(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

const WEEK = 7 * 24 * 3_600_000;
const DAY = 24 * 3_600_000;

/**
 * Milliseconds of an ISO 8601 duration made of weeks, days, hours, minutes and seconds (PT2H, P14D,
 * P1DT30M, PT0S). Years and months have no fixed length, so they are refused rather than guessed.
 */
export function parseIsoDuration(text: string): number {
  const match = PATTERN.exec(text.trim());
  if (match === null)
    throw new RangeError(
      `"${text}" is not an ISO 8601 duration of weeks, days, hours, minutes and seconds (e.g. PT2H, P14D)`,
    );
  const [, w, d, h, m, s] = match;
  const value = (part: string | undefined, unit: number) => (part === undefined ? 0 : Number(part) * unit);
  return Math.round(value(w, WEEK) + value(d, DAY) + value(h, 3_600_000) + value(m, 60_000) + value(s, 1000));
}
