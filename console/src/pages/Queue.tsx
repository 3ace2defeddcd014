import { useState } from "preact/hooks";
import { getJson } from "../api.js";
import { syncServerClock, useServerNow } from "../clock.js";
import { Badges, SeverityTag } from "../components/Badges.js";
import { ProblemView } from "../components/Problem.js";
import { countdownText, formatInstant } from "../format.js";
import { href, navigate } from "../router.js";
import { t } from "../strings.js";
import { type CasePage, type QueueRow } from "../types.js";
import { usePoll } from "../usePoll.js";

const FILTERS = ["tenantId", "category", "severity", "state"] as const;
const POLL_MS = 15_000;

function FilterForm({ query }: { query: URLSearchParams }) {
  const apply = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const next = new URLSearchParams();
    for (const name of FILTERS) {
      const value = String(form.get(name) ?? "").trim();
      if (value !== "") next.set(name, value);
    }
    navigate(href("", next), true);
  };
  const select = (name: string, options: Record<string, string>) => (
    <select id={`f-${name}`} name={name} value={query.get(name) ?? ""}>
      <option value="">{t.queue.any}</option>
      {Object.entries(options).map(([value, label]) => (
        <option value={value}>{label}</option>
      ))}
    </select>
  );
  return (
    <form class="filters" onSubmit={apply} aria-label={t.queue.filters}>
      <label for="f-tenantId">{t.queue.tenant}</label>
      <input id="f-tenantId" name="tenantId" value={query.get("tenantId") ?? ""} size={14} autocomplete="off" />
      <label for="f-category">{t.queue.category}</label>
      {select("category", t.categories)}
      <label for="f-severity">{t.queue.severity}</label>
      {select("severity", { A: "A", B: "B", C: "C" })}
      <label for="f-state">{t.queue.state}</label>
      {select("state", t.states)}
      <button type="submit">{t.queue.apply}</button>
      <a class="button-link" href={href("")}>
        {t.queue.clear}
      </a>
    </form>
  );
}

function Row({ row, now }: { row: QueueRow; now: number }) {
  const viewerDue = row.nextDueAt === null ? "" : formatInstant(row.nextDueAt);
  const tenantDue = row.nextDueAt === null ? "" : formatInstant(row.nextDueAt, row.timeZone);
  return (
    <tr data-case-id={row.id} class={row.breached ? "is-breached" : row.warned ? "is-warned" : ""}>
      <td data-label={t.queue.columns.due}>
        <strong class="countdown">{countdownText(row.nextDueAt, now, row.breachedAt)}</strong>
        <span class="when">
          {viewerDue} <span class="muted">({t.queue.yourTime})</span>
        </span>
        <span class="when muted">{tenantDue}</span>
        {row.nextClock && <span class="muted">{t.clocks[row.nextClock]}</span>}
      </td>
      <td data-label={t.queue.columns.case}>
        <a href={href(`cases/${encodeURIComponent(row.id)}`)}>{row.title}</a>
        <span class="muted mono">{row.id}</span>
      </td>
      <td data-label={t.queue.columns.tenant}>
        <a href={href(`tenants/${encodeURIComponent(row.tenantId)}`)}>{row.tenantId}</a>
        <span class="muted">{t.categories[row.category as keyof typeof t.categories] ?? row.category}</span>
      </td>
      <td data-label={t.queue.columns.severity}>
        <SeverityTag severity={row.severity} />
      </td>
      <td data-label={t.queue.columns.badges}>
        <Badges row={row} now={now} />
      </td>
    </tr>
  );
}

export function QueuePage({ query }: { query: URLSearchParams }) {
  const params = new URLSearchParams({ sort: "nextDueAt", limit: "100" });
  for (const name of FILTERS) {
    const value = query.get(name);
    if (value) params.set(name, value);
  }
  const key = params.toString();
  const [extra, setExtra] = useState<{ key: string; rows: QueueRow[]; continuation?: string }>({ key, rows: [] });
  const page = usePoll(
    async () => {
      const answer = await getJson<CasePage>(`/api/cases?${key}`);
      syncServerClock(answer.now);
      return answer;
    },
    [key],
    POLL_MS,
  );
  const now = useServerNow();
  const more = extra.key === key ? extra : { key, rows: [] as QueueRow[], continuation: undefined };
  const continuation = more.continuation ?? (more.rows.length === 0 ? page.data?.continuation : undefined);
  const loadMore = async () => {
    if (!continuation) return;
    const answer = await getJson<CasePage>(`/api/cases?${key}&continuation=${encodeURIComponent(continuation)}`);
    setExtra({ key, rows: [...more.rows, ...answer.items], continuation: answer.continuation });
  };
  const rows = [...(page.data?.items ?? []), ...more.rows];
  return (
    <section aria-labelledby="queue-title">
      <h1 id="queue-title">{t.queue.title}</h1>
      <p class="muted">{t.queue.intro}</p>
      <FilterForm query={query} />
      {page.error !== undefined && <ProblemView error={page.error} onRetry={page.reload} />}
      <p class="status-line" aria-live="polite">
        {page.data === undefined ? t.loading : t.queue.count(rows.length)}
        {page.data?.now !== undefined && (
          <span class="muted"> · {t.refreshed(new Date(page.data.now).toLocaleTimeString())}</span>
        )}
      </p>
      {page.data !== undefined && rows.length === 0 && <p>{t.queue.empty}</p>}
      {rows.length > 0 && (
        <table class="queue">
          <thead>
            <tr>
              <th scope="col">{t.queue.columns.due}</th>
              <th scope="col">{t.queue.columns.case}</th>
              <th scope="col">{t.queue.columns.tenant}</th>
              <th scope="col">{t.queue.columns.severity}</th>
              <th scope="col">{t.queue.columns.badges}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <Row key={row.id} row={row} now={now} />
            ))}
          </tbody>
        </table>
      )}
      {continuation && (
        <button type="button" onClick={() => void loadMore()}>
          {t.queue.more}
        </button>
      )}
    </section>
  );
}
