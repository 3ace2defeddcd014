import { type InvocationContext } from "@azure/functions";
import * as df from "durable-functions";
import { caseInstanceId } from "../../shared/case/index.js";
import { errorFields, log } from "../../shared/logging/log.js";
import { type Doorbell } from "../../orchestrations/doorbell.js";
import { CASE_DOORBELL, CASE_ORCHESTRATOR } from "../../orchestrations/names.js";

export const durableClientInput = df.input.durableClient();

const ALIVE = new Set(["Running", "Pending", "ContinuedAsNew", "Suspended"]);

/** Whether a status the durable client returned is an instance that runs (or is about to). */
export function isAlive(status: df.DurableOrchestrationStatus | undefined): boolean {
  return status?.runtimeStatus !== undefined && ALIVE.has(String(status.runtimeStatus));
}

/**
 * Starts an orchestration under a deterministic id unless it already runs. Azure answers a start of an id
 * that is Running, Pending, ContinuedAsNew or Suspended with 500 (OrchestrationAlreadyExistsException through
 * the extension's catch-all, azure-functions-durable-extension HttpApiHandler.cs), which the SDK turns into
 * an error; and two starts racing each other may both succeed, one start message being dropped. So a failed
 * start is checked against the instance's status: running means someone else started it, which is success.
 */
export async function startUnlessRunning(
  client: df.DurableClient,
  name: string,
  instanceId: string,
  input: unknown,
): Promise<"started" | "already-running"> {
  try {
    await client.startNew(name, { instanceId, input });
    return "started";
  } catch (error) {
    if (isAlive(await client.getStatus(instanceId).catch(() => undefined))) return "already-running";
    throw error;
  }
}

/**
 * Starts a case's orchestration. The id is deterministic, so "already running" means a previous delivery (or
 * the reconciler) already started it: the request goes on as if it had. Any other failure is logged and left
 * to the reconciler: the case is stored, so it is not lost, only late to start.
 */
export async function startCase(
  context: InvocationContext,
  tenantId: string,
  caseId: string,
  /** "doorbell" when events may already wait (its first turn then reads them); a new case has none. */
  woken: "start" | "doorbell" = "start",
): Promise<void> {
  const instanceId = caseInstanceId(tenantId, caseId);
  try {
    // No status read first: nearly every start is of a new case, and a start of a running id fails and
    // is then recognised as already running.
    await startUnlessRunning(df.getClient(context), CASE_ORCHESTRATOR, instanceId, { tenantId, caseId, woken });
  } catch (error) {
    log(context, "warn", "case orchestration not started; the reconciler will retry", {
      caseId,
      ...errorFields(error),
    });
  }
}

/**
 * Rings a case's doorbell for a stored event; a lost ring is harmless (every turn a doorbell wakes reads all
 * waiting events, and the watchdog re-rings for events left waiting).
 */
export async function ringCase(
  context: InvocationContext,
  tenantId: string,
  caseId: string,
  eventId: string,
): Promise<void> {
  try {
    const ring: Doorbell = { at: "event", eventId };
    await df.getClient(context).raiseEvent(caseInstanceId(tenantId, caseId), CASE_DOORBELL, ring);
  } catch (error) {
    log(context, "warn", "case doorbell not delivered; the reconciler will retry", { caseId, ...errorFields(error) });
  }
}
