import { formatDuration, formatInstant } from "../format.js";
import { t } from "../strings.js";
import { type ClockView } from "../types.js";

const WIDTH = 600;
const HEIGHT = 28;

/**
 * A clock's explanation (docs/policy.md §5) drawn as a small timeline from its start to its due instant: the open
 * intervals that were counted as filled blocks, closed time as gaps, and below it the days skipped (holidays,
 * closed days) and the counted intervals in the tenant's local time.
 */
export function ExplanationTimeline({ clock, timeZone }: { clock: ClockView; timeZone: string }) {
  const e = clock.explanation;
  const start = Date.parse(clock.startedAt);
  const end = Math.max(Date.parse(clock.dueAt), start + 1);
  const x = (iso: string) => ((Date.parse(iso) - start) / (end - start)) * WIDTH;
  // Instants in the tenant's local time (what its people read); the calendar's own zone is named in the head.
  const zone = timeZone;
  return (
    <div class="explanation" data-explanation={clock.kind}>
      <p class="explain-head">
        {t.case.target}: <strong>{e.target.description}</strong> · {t.case.calendar}: {e.calendar} ({e.timeZone})
      </p>
      <svg
        class="timeline-bar"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={`${t.case.counted}: ${e.counted.length}`}
      >
        <rect class="closed" x="0" y="6" width={WIDTH} height="16" />
        {e.counted.map((c) => (
          <rect class="counted" x={x(c.from)} y="6" width={Math.max(1, x(c.to) - x(c.from))} height="16">
            <title>{`${formatInstant(c.from, zone)} – ${formatInstant(c.to, zone)}`}</title>
          </rect>
        ))}
      </svg>
      <div class="bar-ends">
        <span>{formatInstant(clock.startedAt, zone)}</span>
        <span>{formatInstant(clock.dueAt, zone)}</span>
      </div>
      <details>
        <summary>{t.case.explanation}</summary>
        <table class="compact">
          <caption>{t.case.counted}</caption>
          <thead>
            <tr>
              <th scope="col">{t.case.from}</th>
              <th scope="col">{t.case.to}</th>
              <th scope="col">{t.case.hours}</th>
            </tr>
          </thead>
          <tbody>
            {e.counted.map((c) => (
              <tr>
                <td>{formatInstant(c.from, zone)}</td>
                <td>{formatInstant(c.to, zone)}</td>
                <td>{formatDuration(Date.parse(c.to) - Date.parse(c.from))}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>
          {t.case.skipped}:{" "}
          {e.skipped.length === 0
            ? t.case.noneSkipped
            : e.skipped.map((s) => `${s.date} (${s.reason === "holiday" ? t.case.holiday : t.case.closed})`).join(", ")}
        </p>
        {e.notes.length > 0 && (
          <p>
            {t.case.notes}: {e.notes.join("; ")}
          </p>
        )}
      </details>
    </div>
  );
}
