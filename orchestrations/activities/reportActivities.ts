import * as df from "durable-functions";
import { services } from "../../shared/adapters/services.js";
import { type SlaOutcome } from "../../shared/reports/index.js";
import { activities } from "../names.js";

/** Carries out a `recordSla` effect: merges the outcome into its monthly rollup (idempotent, ETag-conditioned). */
df.app.activity(activities.recordSlaOutcome, {
  handler: async (outcome: SlaOutcome): Promise<"recorded" | "unchanged"> => {
    const s = services();
    return s.reports.record(outcome, s.now().toISOString());
  },
});
