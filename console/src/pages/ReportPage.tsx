import { lazy, Suspense } from "preact/compat";
import { download, getJson } from "../api.js";
import { ProblemView } from "../components/Problem.js";
import { formatPercent, formatSeconds, formatInstant } from "../format.js";
import { href, navigate } from "../router.js";
import { t } from "../strings.js";
import { type Report } from "../types.js";
import { usePoll } from "../usePoll.js";

const AttainmentChart = lazy(() => import("../components/Charts.js").then((m) => ({ default: m.AttainmentChart })));
const DistributionChart = lazy(() => import("../components/Charts.js").then((m) => ({ default: m.DistributionChart })));

function monthsFrom(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split("-").map(Number) as [number, number];
  for (let guard = 0; guard < 48; guard++) {
    const month = `${y}-${String(m).padStart(2, "0")}`;
    out.push(month);
    if (month >= to) break;
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

export function ReportPage({ query }: { query: URLSearchParams }) {
  const params = new URLSearchParams();
  for (const name of ["from", "to", "tenantId"]) {
    const value = query.get(name);
    if (value) params.set(name, value);
  }
  const key = params.toString();
  const loaded = usePoll(() => getJson<Report>(`/api/reports/sla?${key}`), [key]);
  const report = loaded.data;
  const submit = (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const next = new URLSearchParams();
    for (const name of ["from", "to", "tenantId"]) {
      const value = String(form.get(name) ?? "").trim();
      if (value !== "") next.set(name, value);
    }
    navigate(href("reports", next), true);
  };
  return (
    <section aria-labelledby="report-title">
      <h1 id="report-title">{t.report.title}</h1>
      <form class="filters" onSubmit={submit}>
        <label for="r-from">{t.report.from}</label>
        <input id="r-from" name="from" type="month" value={query.get("from") ?? report?.from ?? ""} />
        <label for="r-to">{t.report.to}</label>
        <input id="r-to" name="to" type="month" value={query.get("to") ?? report?.to ?? ""} />
        <label for="r-tenant">{t.report.tenant}</label>
        <input id="r-tenant" name="tenantId" value={query.get("tenantId") ?? ""} size={14} />
        <button type="submit">{t.report.show}</button>
        {report && (
          <button
            type="button"
            data-action="csv"
            onClick={() => void download(`/api/reports/sla?${key}&format=csv`, `sla-${report.from}-${report.to}.csv`)}
          >
            {t.report.csv}
          </button>
        )}
      </form>
      {loaded.error !== undefined && <ProblemView error={loaded.error} onRetry={loaded.reload} />}
      {report === undefined && loaded.error === undefined && <p>{t.loading}</p>}
      {report && report.rows.length === 0 && <p>{t.report.empty}</p>}
      {report && report.rows.length > 0 && (
        <>
          <div class="charts">
            <Suspense fallback={<p>{t.loading}</p>}>
              <AttainmentChart rows={report.rows} months={monthsFrom(report.from, report.to)} />
              <DistributionChart rows={report.rows} />
            </Suspense>
          </div>
          <table class="report">
            <thead>
              <tr>
                {Object.values(t.report.columns).map((c) => (
                  <th scope="col">{c}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {report.rows.map((r) => (
                <tr data-row={`${r.tenantId} ${r.month} ${r.severity}`}>
                  <td data-label={t.report.columns.tenant}>
                    <a href={href(`tenants/${encodeURIComponent(r.tenantId)}`)}>{r.tenantId}</a>
                  </td>
                  <td data-label={t.report.columns.month}>{r.month}</td>
                  <td data-label={t.report.columns.severity}>{r.severity}</td>
                  <td data-label={t.report.columns.cases} data-field="cases">
                    {r.cases}
                  </td>
                  <td data-label={t.report.columns.met} data-field="met">
                    {formatPercent(r.metPercent)}
                  </td>
                  <td data-label={t.report.columns.median} data-field="median">
                    {formatSeconds(r.medianFirstResponseSeconds)}
                  </td>
                  <td data-label={t.report.columns.p90} data-field="p90">
                    {formatSeconds(r.p90FirstResponseSeconds)}
                  </td>
                  <td data-label={t.report.columns.breaches} data-field="breaches">
                    {r.breaches.length === 0
                      ? "0"
                      : r.breaches.map((b) => (
                          <a
                            class="breach-link"
                            href={href(`cases/${encodeURIComponent(b.caseId)}`)}
                            title={formatInstant(b.breachedAt)}
                          >
                            {b.caseId}
                          </a>
                        ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
