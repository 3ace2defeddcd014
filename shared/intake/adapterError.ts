/** A payload an adapter cannot read at all (answered 422 with the pointer of what is wrong). */
export class AdapterError extends Error {
  override readonly name = "AdapterError";
  constructor(
    message: string,
    readonly pointer: string,
  ) {
    super(message);
  }
}

export function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
