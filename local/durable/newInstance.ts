import { randomUUID } from "node:crypto";
import { badArgument } from "./durableErrors.js";
import { type InstanceRecord } from "./instanceRecord.js";

/** A new instance's identity and first record; ids and inputs as the extension accepts them. */

export function newExecutionId(): string {
  return randomUUID().replace(/-/g, "");
}

/** Instance ids may not hold / \\ # ? or control characters (the extension's rule). */
function invalidInstanceIdCharacter(id: string): boolean {
  for (const ch of id) {
    const code = ch.charCodeAt(0);
    if (code < 0x20 || code === 0x7f || ch === "/" || ch === "\\" || ch === "#" || ch === "?") return true;
  }
  return false;
}

export function validateInstanceId(instanceId: string): void {
  if (instanceId.length === 0 || instanceId.length > 256 || invalidInstanceIdCharacter(instanceId))
    throw badArgument(
      `Instance ID '${instanceId}' is invalid: at most 256 characters, none of / \\ # ? or control characters.`,
    );
}

export function validateJson(text: string): void {
  try {
    JSON.parse(text);
  } catch {
    throw badArgument("Invalid JSON content");
  }
}

export function newInstanceRecord(
  instanceId: string,
  name: string,
  input: string | null,
  version: string | undefined,
  parent: InstanceRecord["parent"],
  now: number,
): InstanceRecord {
  return {
    schema: 1,
    instanceId,
    name,
    ...(version !== undefined ? { orchestrationVersion: version } : {}),
    executionId: newExecutionId(),
    createdTime: now,
    lastUpdatedTime: now,
    input,
    runtimeStatus: "Pending",
    output: null,
    customStatus: null,
    history: [],
    started: false,
    inbox: [],
    ...(parent !== undefined ? { parent } : {}),
    nextSequence: 0,
    tasks: [],
  };
}
