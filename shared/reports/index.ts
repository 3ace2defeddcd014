export { reportMonth, type SlaOutcome } from "./slaOutcome.js";
export { mergeOutcome, rollupId, type SlaEntry } from "./rollup.js";
export {
  slaReport,
  percentile,
  DISTRIBUTION_BOUNDS,
  type SlaRollup,
  type SlaReportRow,
  type SlaBreach,
} from "./slaReport.js";
export { slaReportCsv, SLA_CSV_COLUMNS } from "./csv.js";
