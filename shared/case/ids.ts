import { createHash, randomBytes } from "node:crypto";

const ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

function base32(bytes: Uint8Array, length: number): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < length) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

/**
 * Case ids carry their tenant ("contoso.k7f3m2q9x1v8b4n6"), the partition key of the cases container,
 * so every read of a case is a point read. 16 base32 characters = 80 bits.
 */
export function newCaseId(tenantId: string): string {
  return `${tenantId}.${base32(randomBytes(10), 16)}`;
}

/** The same delivery always names the same case, so a repeated intake finds it instead of opening another. */
export function caseIdFor(tenantId: string, ...origin: string[]): string {
  return `${tenantId}.${base32(createHash("sha256").update(origin.join("\u0000")).digest(), 16)}`;
}

const CASE_ID = /^([a-z0-9][a-z0-9-]{1,62})\.([a-z2-7]{16})$/;

export function parseCaseId(id: string): { tenantId: string } | undefined {
  const m = CASE_ID.exec(id);
  return m ? { tenantId: m[1]! } : undefined;
}

/** Deterministic orchestration instance id (DESIGN.md): a repeated start is detected, not duplicated. */
export function caseInstanceId(tenantId: string, caseId: string): string {
  return `case:${tenantId}:${caseId}`;
}
