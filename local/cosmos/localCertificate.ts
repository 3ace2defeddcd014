import { X509Certificate } from "node:crypto";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { generate } from "selfsigned";
import { realNow } from "../clock/runtimeClock.js";
import { writeFileAtomicSync } from "../persistence/atomicFile.js";

export interface LocalCertificate {
  readonly cert: string;
  readonly key: string;
  /** The PEM the app's Cosmos client trusts (CASECLOCK_COSMOS_CA_FILE). */
  readonly certFile: string;
}

const RENEW_BEFORE_MS = 7 * 24 * 3_600_000;

function stillValid(certPem: string): boolean {
  try {
    const validTo = Date.parse(new X509Certificate(certPem).validTo);
    return validTo - realNow() > RENEW_BEFORE_MS;
  } catch {
    return false;
  }
}

/**
 * A self-signed certificate for the embedded Cosmos server (localhost and 127.0.0.1), made once with the
 * `selfsigned` package and kept in the data folder. TLS checks validity on the real clock, so it is made
 * and checked against real time whatever the virtual clock says.
 */
export async function loadOrCreateCertificate(dir: string): Promise<LocalCertificate> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const certFile = join(dir, "cert.pem");
  const keyFile = join(dir, "key.pem");
  try {
    const cert = readFileSync(certFile, "utf8");
    const key = readFileSync(keyFile, "utf8");
    if (stillValid(cert)) return { cert, key, certFile };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const now = new Date(realNow());
  const pems = await generate([{ name: "commonName", value: "localhost" }], {
    keyType: "ec",
    algorithm: "sha256",
    notBeforeDate: new Date(now.getTime() - 24 * 3_600_000),
    notAfterDate: new Date(now.getTime() + 3650 * 24 * 3_600_000),
    extensions: [
      {
        name: "subjectAltName",
        altNames: [
          { type: 2, value: "localhost" },
          { type: 7, ip: "127.0.0.1" },
        ],
      },
    ],
  });
  writeFileAtomicSync(keyFile, pems.private);
  writeFileAtomicSync(certFile, pems.cert, 0o644);
  return { cert: pems.cert, key: pems.private, certFile };
}
