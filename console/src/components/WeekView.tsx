import { t } from "../strings.js";
import { type CalendarDefinition } from "../types.js";

const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

const minutes = (hhmm: string) => {
  const [h, m] = hhmm.split(":").map(Number) as [number, number];
  return h * 60 + m;
};

/**
 * A calendar's week: one row per weekday with its open intervals drawn on a 24-hour scale (local wall-clock
 * time of the calendar's zone) and written out for screen readers and small screens.
 */
export function WeekView({ name, calendar }: { name: string; calendar: CalendarDefinition | undefined }) {
  if (calendar === undefined)
    return (
      <p class="muted" data-week={name}>
        {t.tenant.allDay} (24x7)
      </p>
    );
  return (
    <table class="week" data-week={name}>
      <caption>
        {name} · {calendar.timeZone}
      </caption>
      <tbody>
        {DAYS.map((day) => {
          const open = calendar.week[day] ?? [];
          return (
            <tr>
              <th scope="row">{t.weekdays[day]}</th>
              <td class="day-bar">
                <svg viewBox="0 0 1440 12" preserveAspectRatio="none" aria-hidden="true">
                  <rect class="closed" x="0" y="0" width="1440" height="12" />
                  {open.map((i) => (
                    <rect
                      class="counted"
                      x={minutes(i.from)}
                      y="0"
                      width={minutes(i.to) - minutes(i.from)}
                      height="12"
                    />
                  ))}
                </svg>
              </td>
              <td>{open.length === 0 ? t.tenant.closedAllDay : open.map((i) => `${i.from}–${i.to}`).join(", ")}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
