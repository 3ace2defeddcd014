/**
 * Payload limits Azure enforces on what an orchestration sends.
 *
 * Custom status: the extension serializes it and refuses more than 16 KB of UTF-16 — the size in KB is the
 * UTF-16 byte count divided by 1024 and truncated, so 17 × 1024 bytes is the first size refused
 * (azure-functions-durable-extension DurableOrchestrationContext.cs SetCustomStatus with
 * MaxCustomStatusPayloadSizeInKB = 16; MessagePayloadDataConverter.cs Serialize(value, maxSizeInKB)). The
 * ArgumentException fails the orchestration (TaskOrchestrationShim.cs InvokeUserCodeAndHandleResults). This
 * holds on every backend.
 */
const MAX_CUSTOM_STATUS_KB = 16;

/** The extension's message when a custom status is too large; undefined when it fits (or is unset). */
export function customStatusTooLarge(customStatus: unknown): string | undefined {
  if (customStatus === undefined || customStatus === null) return undefined;
  const text = JSON.stringify(customStatus);
  // JavaScript strings are UTF-16: two bytes per code unit, as Encoding.Unicode.GetByteCount counts them.
  const kb = Math.trunc((text.length * 2) / 1024);
  if (kb <= MAX_CUSTOM_STATUS_KB) return undefined;
  return (
    `The UTF-16 size of the JSON-serialized payload must not exceed ${MAX_CUSTOM_STATUS_KB} KB. ` +
    `The current payload size is ${kb.toLocaleString("en-US")} KB.`
  );
}

/**
 * A message over the backend's limit (the Durable Task Scheduler's 1 MiB, counted in UTF-8 bytes as gRPC
 * carries strings); undefined when it fits. The message names what was too large.
 */
export function oversizedMessage(what: string, text: string | null, limitBytes: number): string | undefined {
  const bytes = text === null ? 0 : Buffer.byteLength(text, "utf8");
  if (bytes <= limitBytes) return undefined;
  return (
    `${what} is ${bytes.toLocaleString("en-US")} bytes: the Durable Task Scheduler carries at most ` +
    `${limitBytes.toLocaleString("en-US")} bytes in a message, and JavaScript apps have no large-payload offload`
  );
}
