import { type InvocationContext } from "@azure/functions";
import * as df from "durable-functions";
import { caseInstanceId } from "../../shared/case/index.js";
import { errorFields, log } from "../../shared/logging/log.js";
import { CASE_DOORBELL, CASE_ORCHESTRATOR } from "../../orchestrations/names.js";

export const durableClientInput = df.input.durableClient();

/**
 * Starts a case's orchestration. The id is deterministic, so "already exists" means a previous delivery
 * already started it. Any other failure is logged and left to the reconciler: the case is stored, so it
 * is not lost, only late to start.
 */
export async function startCase(context: InvocationContext, tenantId: string, caseId: string): Promise<void> {
  const instanceId = caseInstanceId(tenantId, caseId);
  try {
    const client = df.getClient(context);
    const status = await client.getStatus(instanceId).catch(() => undefined);
    if (
      status !== undefined &&
      status.runtimeStatus !== undefined &&
      ["Running", "Pending", "ContinuedAsNew", "Suspended"].includes(String(status.runtimeStatus))
    )
      return;
    await client.startNew(CASE_ORCHESTRATOR, { instanceId, input: { tenantId, caseId } });
  } catch (error) {
    log(context, "warn", "case orchestration not started; the reconciler will retry", {
      caseId,
      ...errorFields(error),
    });
  }
}

/** Rings a case's doorbell; a lost ring is harmless (the inbox is read on every wake-up, and the reconciler re-rings). */
export async function ringCase(context: InvocationContext, tenantId: string, caseId: string): Promise<void> {
  try {
    await df.getClient(context).raiseEvent(caseInstanceId(tenantId, caseId), CASE_DOORBELL, { at: "inbox" });
  } catch (error) {
    log(context, "warn", "case doorbell not delivered; the reconciler will retry", { caseId, ...errorFields(error) });
  }
}
