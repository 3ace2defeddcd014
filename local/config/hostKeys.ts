import { randomBytes, timingSafeEqual } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { writeFileAtomicSync } from "../persistence/atomicFile.js";

/**
 * The host's keys, as Azure keeps them per app: a default function key (authLevel "function"), a master
 * key (authLevel "admin", and every function), and the Durable Task extension's system key (its webhook
 * URLs carry it as `code`). Created on first start in the data folder.
 */
export interface HostKeys {
  readonly functionKey: string;
  readonly masterKey: string;
  readonly durableTaskKey: string;
}

export const FUNCTION_KEY_FILE = "function-key";
const HOST_KEYS_FILE = "host-keys.json";

function newKey(): string {
  return randomBytes(32).toString("base64url");
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8").trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

export function loadOrCreateHostKeys(dataDir: string): HostKeys {
  let functionKey = readText(join(dataDir, FUNCTION_KEY_FILE));
  if (functionKey === undefined || functionKey === "") {
    functionKey = newKey();
    writeFileAtomicSync(join(dataDir, FUNCTION_KEY_FILE), functionKey + "\n");
  }
  const hostKeysText = readText(join(dataDir, HOST_KEYS_FILE));
  const stored =
    hostKeysText === undefined ? {} : (JSON.parse(hostKeysText) as { masterKey?: string; durableTaskKey?: string });
  const masterKey = stored.masterKey ?? newKey();
  const durableTaskKey = stored.durableTaskKey ?? newKey();
  if (stored.masterKey === undefined || stored.durableTaskKey === undefined) {
    writeFileAtomicSync(join(dataDir, HOST_KEYS_FILE), JSON.stringify({ masterKey, durableTaskKey }, null, 2) + "\n");
  }
  return { functionKey, masterKey, durableTaskKey };
}

/** Compares a presented key with an expected one without leaking where they differ. */
export function keyMatches(presented: string | undefined, expected: string): boolean {
  if (presented === undefined) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
