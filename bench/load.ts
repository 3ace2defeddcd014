/**
 * `npm run bench:load`: webhook intake under load against the local runtime (real clock), with the
 * runtime's cheapest route under the same load as the named baseline. 2,000 deliveries at concurrency 32,
 * 10 % re-deliveries of the same webhook-id, 5 % invalid; afterwards the store is read back.
 */
import { startRuntimeProcess } from "../test/support/runtimeProcess.js";
import { runBaseline, runIntakeLoad } from "./intakeLoad.js";

const COUNT = Number(process.env.LOAD_COUNT ?? 2000);
const CONCURRENCY = Number(process.env.LOAD_CONCURRENCY ?? 32);
const SECRET = "whsec_" + Buffer.from("load-test-signing-key-0123456789").toString("base64");

const tenant = {
  name: "Load test tenant",
  preset: "21vianet",
  timeZone: "Asia/Shanghai",
  advancedAgreement: true,
  holidays: [],
  admins: [{ email: "admin@load.example", language: "en" }],
};

const rt = await startRuntimeProcess({
  settings: {
    CASECLOCK_WEBHOOK_SECRETS: JSON.stringify({ load: [SECRET] }),
    CASECLOCK_SUPPORT_CONTACTS: JSON.stringify({
      queues: { technical: ["t@support.example"], billing: ["b@support.example"], presales: ["p@support.example"] },
      escalation: [["d@support.example"]],
    }),
  },
});
let failed = false;
try {
  const put = await fetch(`${rt.url}/api/tenants/load-test`, {
    method: "PUT",
    headers: { "x-functions-key": rt.functionKey, "content-type": "application/json" },
    body: JSON.stringify(tenant),
  });
  if (put.status !== 201) throw new Error(`tenant: ${put.status}`);

  console.log(
    `intake load: ${COUNT} deliveries, concurrency ${CONCURRENCY}, 10 % re-deliveries, 5 % invalid (local runtime, embedded Cosmos DB, 2 cores)`,
  );
  const baseline = await runBaseline(rt.url, COUNT, CONCURRENCY);
  const load = await runIntakeLoad({
    url: rt.url,
    functionKey: rt.functionKey,
    source: "load",
    secret: SECRET,
    tenantId: "load-test",
    requesterEmail: "admin@load.example",
    count: COUNT,
    concurrency: CONCURRENCY,
    duplicateShare: 0.1,
    invalidShare: 0.05,
    now: () => Math.floor(Date.now() / 1000),
  });
  const row = (name: string, p50: number, p99: number, rps: number) =>
    console.log(
      `  ${name.padEnd(34)} p50 ${String(p50).padStart(5)} ms   p99 ${String(p99).padStart(5)} ms   ${Math.round(rps)} req/s`,
    );
  console.log("latency (autocannon, per request):");
  row("baseline: GET /api/health", baseline.p50, baseline.p99, baseline.requestsPerSecond);
  row("POST /api/intake/load", load.latency.p50, load.latency.p99, load.requestsPerSecond);
  console.log(
    `ratio intake / baseline: p50 ${(load.latency.p50 / Math.max(baseline.p50, 1)).toFixed(1)}x, p99 ${(load.latency.p99 / Math.max(baseline.p99, 1)).toFixed(1)}x`,
  );
  console.log(
    `requests sent ${load.sent} (of which retries of "still in flight" ${load.retried}), final answers: accepted ${load.accepted}, refused ${load.refused}`,
  );
  console.log(
    `distinct valid deliveries ${load.distinctValid}; re-deliveries answered with the first answer ${load.duplicatesAnsweredAlike}; invalid refused with problem+json ${load.invalidWithProblemJson}`,
  );
  console.log(`lost ${load.lost} (must be 0), duplicated ${load.duplicated} (must be 0)`);
  if (load.unexpected.length > 0) console.log(`unexpected: ${load.unexpected.slice(0, 10).join("; ")}`);
  failed = load.lost !== 0 || load.duplicated !== 0 || load.unexpected.length > 0;
} finally {
  await rt.stop();
}
process.exitCode = failed ? 1 : 0;
