import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { useEffect, useRef } from "preact/hooks";
import { t } from "../strings.js";
import { type ReportRow } from "../types.js";

/*
 * The report's two charts, drawn in the page with uPlot (canvas, no DOM per point, ~20 KB gzipped): loaded
 * only by the report page, so the queue does not pay for it.
 */

const SEVERITY_COLOURS: Record<string, string> = { A: "#b3261e", B: "#b26a00", C: "#1f6feb" };

function useChart(make: (el: HTMLElement, width: number) => uPlot, deps: readonly unknown[]) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (el === null) return;
    const chart = make(el, Math.max(280, Math.min(el.clientWidth || 600, 720)));
    return () => chart.destroy();
  }, deps);
  return ref;
}

/** % of initial responses met per month, one line per severity (all tenants in the report together). */
export function AttainmentChart({ rows, months }: { rows: ReportRow[]; months: string[] }) {
  const severities = [...new Set(rows.map((r) => r.severity))].sort();
  const ref = useChart(
    (el, width) => {
      const xs = months.map((_, i) => i);
      const series = severities.map((sev) =>
        months.map((m) => {
          const of = rows.filter((r) => r.month === m && r.severity === sev);
          const cases = of.reduce((n, r) => n + r.cases, 0);
          return cases === 0 ? null : (100 * of.reduce((n, r) => n + r.met, 0)) / cases;
        }),
      );
      return new uPlot(
        {
          width,
          height: 220,
          title: t.report.attainment,
          scales: { x: { time: false, range: [-0.5, months.length - 0.5] }, y: { range: [0, 100] } },
          axes: [
            { values: (_u, ticks) => ticks.map((i) => months[i] ?? ""), incrs: [1] },
            { values: (_u, ticks) => ticks.map((v) => `${v} %`), size: 56 },
          ],
          series: [
            { label: t.report.columns.month, value: (_u, i) => (i == null ? "–" : (months[i] ?? "")) },
            ...severities.map((sev) => ({
              label: t.report.severityLabel(sev),
              value: (_u: uPlot, v: number | null) => (v == null ? "–" : `${Math.round(v * 10) / 10} %`),
              stroke: SEVERITY_COLOURS[sev] ?? "#444",
              width: 2,
              points: { size: 7 },
            })),
          ],
        },
        [xs, ...series],
        el,
      );
    },
    [JSON.stringify(rows), months.join()],
  );
  return <div class="chart" ref={ref} data-chart="attainment" />;
}

/** How long first responses took: answered cases per duration bucket. */
export function DistributionChart({ rows }: { rows: ReportRow[] }) {
  const ref = useChart(
    (el, width) => {
      const buckets = t.report.buckets;
      const counts = buckets.map((_, i) => rows.reduce((n, r) => n + (r.distribution[i] ?? 0), 0));
      return new uPlot(
        {
          width,
          height: 220,
          title: t.report.distribution,
          scales: {
            x: { time: false, range: [-0.5, buckets.length - 0.5] },
            y: { range: (_u, _min, max) => [0, Math.max(1, max)] },
          },
          axes: [
            { values: (_u, ticks) => ticks.map((i) => buckets[i] ?? ""), incrs: [1] },
            // Counts of cases: whole numbers only.
            { size: 56, incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000] },
          ],
          series: [
            { label: t.report.distribution, value: (_u, i) => (i == null ? "–" : (buckets[i] ?? "")) },
            {
              label: t.report.columns.cases,
              fill: "#1f6feb55",
              stroke: "#1f6feb",
              paths: uPlot.paths.bars!({ size: [0.7, 60] }),
              points: { show: false },
            },
          ],
        },
        [buckets.map((_, i) => i), counts],
        el,
      );
    },
    [JSON.stringify(rows)],
  );
  return <div class="chart" ref={ref} data-chart="distribution" />;
}
