import { type Container, type PatchOperation } from "@azure/cosmos";
import { rollupId, type SlaEntry, type SlaOutcome, type SlaRollup } from "../../reports/index.js";
import { statusOf, withTransientRetry } from "./retry.js";

/**
 * One tenant's SLA outcomes of one month and severity, in the tenant's partition of the `reports` container:
 * one map per instant, keyed by case id. Each of a case's instants has a single value for the life of the
 * case (the breached initial-response clock stays the case's outcome, the first response is the first;
 * shared/case/slaRecord.ts), so a record sets its case's instants with a server-side patch: records of many
 * cases land in one rollup without reading it or racing each other, and a record that comes twice or late
 * sets the same values again (the entry is what mergeOutcome would make of the records).
 */
interface SlaRollupDocument {
  readonly id: string;
  readonly kind: "slaRollup";
  readonly tenantId: string;
  readonly month: string;
  readonly severity: SlaRollup["severity"];
  readonly receivedAt: Record<string, string>;
  readonly dueAt: Record<string, string>;
  readonly breachedAt: Record<string, string>;
  readonly respondedAt: Record<string, string>;
  readonly updatedAt: string;
}

const INSTANTS = ["receivedAt", "dueAt", "breachedAt", "respondedAt"] as const;

/** A JSON Pointer segment for a member name (RFC 6901): case ids hold neither, but the pointer must be exact. */
function pointerSegment(name: string): string {
  return name.replace(/~/g, "~0").replace(/\//g, "~1");
}

function rollupOf(doc: SlaRollupDocument): SlaRollup {
  const outcomes: Record<string, SlaEntry> = {};
  for (const [caseId, receivedAt] of Object.entries(doc.receivedAt)) {
    const breachedAt = doc.breachedAt[caseId];
    const respondedAt = doc.respondedAt[caseId];
    outcomes[caseId] = {
      receivedAt,
      dueAt: doc.dueAt[caseId] ?? receivedAt,
      ...(breachedAt !== undefined ? { breachedAt } : {}),
      ...(respondedAt !== undefined ? { respondedAt } : {}),
    };
  }
  return { tenantId: doc.tenantId, month: doc.month, severity: doc.severity, outcomes };
}

/**
 * The SLA rollups the report reads (GET /api/reports/sla), kept up to date by the case decisions' `recordSla`
 * effects: one small document per tenant, month and severity instead of a scan over every case.
 */
export class ReportRepository {
  constructor(private readonly container: Container) {}

  /**
   * Sets one case's instants in its rollup: one patch request, or a create when the rollup does not exist
   * yet (another writer creating it first only means patching it). Idempotent and order-free. "full" when
   * the rollup reached Cosmos DB's 2 MB item limit (about 8,000 cases of one tenant, month and severity): the
   * report then misses the case, which must not stop the case's own turn.
   */
  async record(outcome: SlaOutcome, now: string): Promise<"recorded" | "full"> {
    const id = rollupId(outcome.month, outcome.severity);
    const key = pointerSegment(outcome.caseId);
    const operations: PatchOperation[] = [
      ...INSTANTS.flatMap((name) => {
        const value = outcome[name];
        return value === undefined ? [] : [{ op: "set" as const, path: `/${name}/${key}`, value }];
      }),
      { op: "set", path: "/updatedAt", value: now },
    ];
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await withTransientRetry(() => this.container.item(id, outcome.tenantId).patch(operations));
        return "recorded";
      } catch (error) {
        if (statusOf(error) === 413) return "full";
        if (statusOf(error) !== 404) throw error;
      }
      const doc: SlaRollupDocument = {
        id,
        kind: "slaRollup",
        tenantId: outcome.tenantId,
        month: outcome.month,
        severity: outcome.severity,
        ...Object.fromEntries(
          INSTANTS.map((name) => {
            const value = outcome[name];
            return [name, value === undefined ? {} : { [outcome.caseId]: value }];
          }),
        ),
        updatedAt: now,
      } as SlaRollupDocument;
      try {
        await withTransientRetry(() => this.container.items.create(doc));
        return "recorded";
      } catch (error) {
        if (statusOf(error) !== 409) throw error;
      }
    }
    throw new Error(`SLA rollup ${id}: neither patched nor created`);
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
    const iterator = this.container.items.query<SlaRollupDocument>(
      {
        query: `SELECT c.tenantId, c.month, c.severity, c.receivedAt, c.dueAt, c.breachedAt, c.respondedAt FROM c WHERE ${filters.join(" AND ")}`,
        parameters,
      },
      tenantId !== undefined ? { partitionKey: tenantId } : {},
    );
    return (await withTransientRetry(() => iterator.fetchAll())).resources.map(rollupOf);
  }
}
