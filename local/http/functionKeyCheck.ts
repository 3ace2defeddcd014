import { type IncomingMessage } from "node:http";
import { keyMatches, type HostKeys } from "../config/hostKeys.js";
import { type AuthLevel } from "./httpTriggerRoutes.js";

/** The key a caller presents, as the host reads it: the x-functions-key header, else the `code` query parameter. */
export function presentedKey(req: IncomingMessage, url: URL): string | undefined {
  const header = req.headers["x-functions-key"];
  if (typeof header === "string" && header !== "") return header;
  return url.searchParams.get("code") ?? undefined;
}

/**
 * authLevel as the host enforces it: anonymous needs nothing, function needs the function key or the
 * master key, admin needs the master key.
 */
export function authorized(level: AuthLevel, key: string | undefined, keys: HostKeys): boolean {
  if (level === "anonymous") return true;
  if (keyMatches(key, keys.masterKey)) return true;
  return level === "function" && keyMatches(key, keys.functionKey);
}

/** The Durable Task extension's webhooks take its system key (or the master key). */
export function systemKeyAuthorized(key: string | undefined, keys: HostKeys): boolean {
  return keyMatches(key, keys.durableTaskKey) || keyMatches(key, keys.masterKey);
}
