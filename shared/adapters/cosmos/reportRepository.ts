import { type Container, type ItemDefinition } from "@azure/cosmos";
import { mergeOutcome, rollupId, type SlaEntry, type SlaOutcome, type SlaRollup } from "../../reports/index.js";
import { pointRead } from "./pointRead.js";
import { statusOf, withTransientRetry } from "./retry.js";

/** One tenant's SLA outcomes of one month and severity, in the tenant's partition of the `reports` container. */
export interface SlaRollupDocument extends SlaRollup {
  readonly id: string;
  readonly kind: "slaRollup";
  readonly updatedAt: string;
}

type Stored = SlaRollupDocument & ItemDefinition & { _etag: string };

/**
 * The SLA rollups the report reads (GET /api/reports/sla), kept up to date by the case decisions' `recordSla`
 * effects: one small document per tenant, month and severity instead of a scan over every case.
 */
export class ReportRepository {
  constructor(private readonly container: Container) {}

  /**
   * Merges one outcome into its rollup: read, merge, write only if nobody wrote in between (ETag), else read
   * again. Idempotent: an outcome already merged writes nothing ("unchanged").
   */
  async record(outcome: SlaOutcome, now: string): Promise<"recorded" | "unchanged"> {
    const id = rollupId(outcome.month, outcome.severity);
    for (let attempt = 0; attempt < 50; attempt++) {
      const current = await pointRead<Stored>(this.container, id, outcome.tenantId);
      const entry: SlaEntry | undefined = mergeOutcome(current?.outcomes[outcome.caseId], outcome);
      if (entry === undefined) return "unchanged";
      const doc: SlaRollupDocument = {
        id,
        kind: "slaRollup",
        tenantId: outcome.tenantId,
        month: outcome.month,
        severity: outcome.severity,
        outcomes: { ...(current?.outcomes ?? {}), [outcome.caseId]: entry },
        updatedAt: now,
      };
      try {
        if (current === undefined) await withTransientRetry(() => this.container.items.create(doc));
        else
          await withTransientRetry(() =>
            this.container
              .item(id, outcome.tenantId)
              .replace(doc, { accessCondition: { type: "IfMatch", condition: current._etag } }),
          );
        return "recorded";
      } catch (error) {
        // 409: another writer created it first; 412: another writer changed it. Either way, merge again.
        const status = statusOf(error);
        if (status !== 409 && status !== 412) throw error;
      }
    }
    throw new Error(`SLA rollup ${id}: too many concurrent writers`);
  }

  /** The rollups of months `from`..`to` ("YYYY-MM", inclusive), of one tenant (one partition) or of all. */
  async rollups(from: string, to: string, tenantId?: string): Promise<SlaRollup[]> {
    const filters = ["c.kind = 'slaRollup'", "c.month >= @from", "c.month <= @to"];
    const parameters = [
      { name: "@from", value: from },
      { name: "@to", value: to },
    ];
    if (tenantId !== undefined) {
      filters.push("c.tenantId = @tenantId");
      parameters.push({ name: "@tenantId", value: tenantId });
    }
    const iterator = this.container.items.query<SlaRollup>(
      {
        query: `SELECT c.tenantId, c.month, c.severity, c.outcomes FROM c WHERE ${filters.join(" AND ")}`,
        parameters,
      },
      tenantId !== undefined ? { partitionKey: tenantId } : {},
    );
    return (await withTransientRetry(() => iterator.fetchAll())).resources;
  }
}
