/**
 * `npm run bench:cost`: the standard case life (bench/standardCaseLife.ts) on the local runtime, counted by
 * its metrics (GET /_local/metrics): per case, executions, episodes, activities, timers, Cosmos DB requests
 * by kind and bytes, mails, and an estimate of the Azure cost per 1,000 cases at the list prices written out
 * in bench/costModel.ts. The watchdog is measured apart: its cost is per run, not per case. The last line
 * is one JSON object (cosmosRequestsPerCase, episodesPerCase, activitiesPerCase, …).
 */
import { startRuntimeProcess, type RuntimeProcess } from "../test/support/runtimeProcess.js";
import { costPerThousandCases, LIST_PRICES } from "./costModel.js";
import {
  prepareStandardLife,
  STANDARD_LIFE_START,
  standardCaseLives,
  standardLifeSettings,
} from "./standardCaseLife.js";

const CASES = Number(process.env.COST_CASES ?? 10);

interface Metrics {
  readonly cosmos: {
    readonly requests: number;
    readonly requestBytes: number;
    readonly responseBytes: number;
    readonly byKind: Record<string, { count: number; requestBytes: number; responseBytes: number }>;
  };
  readonly durable: Record<string, number>;
  readonly outbox: { email: number; sms: number };
}

async function metrics(rt: RuntimeProcess, reset = false): Promise<Metrics> {
  const res = await fetch(`${rt.url}/_local/metrics${reset ? "/reset" : ""}`, { method: reset ? "POST" : "GET" });
  return (await res.json()) as Metrics;
}

/** Counts the standard life makes, per case (totals over CASES cases side by side, divided). */
export async function measureStandardLife(cases: number) {
  const rt = await startRuntimeProcess({ virtualClock: STANDARD_LIFE_START, settings: standardLifeSettings });
  try {
    await prepareStandardLife(rt);
    await metrics(rt, true);
    await standardCaseLives(rt, cases);
    const m = await metrics(rt);
    const per = (n: number) => Number((n / cases).toFixed(2));
    const byKind = Object.fromEntries(
      Object.entries(m.cosmos.byKind)
        .filter(([kind, c]) => kind !== "metadata" && c.count > 0)
        .map(([kind, c]) => [kind, per(c.count)]),
    );
    return {
      cases,
      executionsPerCase: per(m.durable.executionsStarted ?? 0),
      episodesPerCase: per(m.durable.episodes ?? 0),
      historyEventsReplayedPerCase: per(m.durable.historyEventsReplayed ?? 0),
      activitiesPerCase: per(m.durable.activitiesRun ?? 0),
      timersPerCase: per(m.durable.timersCreated ?? 0),
      eventsRaisedPerCase: per(m.durable.eventsRaised ?? 0),
      instanceFileWritesPerCase: per(m.durable.instanceFileWrites ?? 0),
      instanceFileKbPerCase: per((m.durable.instanceFileBytes ?? 0) / 1024),
      // Item operations, which Azure bills in request units. The SDK's query-plan lookup before each query is
      // answered by the gateway without request units (like the metadata reads): counted apart.
      cosmosRequestsPerCase: per(m.cosmos.requests - (m.cosmos.byKind.queryPlan?.count ?? 0)),
      cosmosQueryPlanLookupsPerCase: per(m.cosmos.byKind.queryPlan?.count ?? 0),
      cosmosByKindPerCase: byKind,
      cosmosKbPerCase: per((m.cosmos.requestBytes + m.cosmos.responseBytes) / 1024),
      mailsPerCase: per(m.outbox.email),
    };
  } finally {
    await rt.stop();
  }
}

/** The watchdog's cost per run with `open` healthy open cases: it should not grow with them. */
async function measureWatchdog(open: number) {
  const rt = await startRuntimeProcess({
    virtualClock: STANDARD_LIFE_START,
    settings: { ...standardLifeSettings, CASECLOCK_RECONCILE_SCHEDULE: "0 */5 * * * *" },
  });
  try {
    await prepareStandardLife(rt);
    for (let n = 0; n < open; n++)
      await fetch(`${rt.url}/api/cases`, {
        method: "POST",
        headers: { "x-functions-key": rt.functionKey, "content-type": "application/json" },
        body: JSON.stringify({
          tenantId: "cost-model",
          requester: { email: "admin@cost.example" },
          category: "technical",
          severity: "B",
          title: `Open case ${n}`,
          description: "Waiting for its first response.",
        }),
      });
    await rt.drain();
    await metrics(rt, true);
    // 12 runs, one every 5 minutes; every case is healthy (its first milestone is hours away).
    for (let run = 0; run < 12; run++) await rt.clock.advance("PT5M");
    const m = await metrics(rt);
    return { openCases: open, runs: 12, cosmosRequestsPerRun: Number((m.cosmos.requests / 12).toFixed(2)) };
  } finally {
    await rt.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const life = await measureStandardLife(CASES);
  const small = await measureWatchdog(10);
  const large = await measureWatchdog(300);
  const cost = costPerThousandCases({
    cosmosByKind: life.cosmosByKindPerCase,
    episodes: life.episodesPerCase,
    activities: life.activitiesPerCase,
    timers: life.timersPerCase,
    events: life.eventsRaisedPerCase,
    httpRequests: 4,
    mails: life.mailsPerCase,
  });
  console.log(
    `standard case life (21vianet Sev B: warning, breach, two escalations, answer, resolve, close, 14-day window), ${CASES} cases`,
  );
  for (const [key, value] of Object.entries(life))
    if (key !== "cosmosByKindPerCase" && key !== "cases") console.log(`  ${key.padEnd(30)} ${value}`);
  console.log(`  cosmos requests by kind, per case: ${JSON.stringify(life.cosmosByKindPerCase)}`);
  console.log(
    `watchdog, Cosmos requests per run: ${small.cosmosRequestsPerRun} with ${small.openCases} open cases, ${large.cosmosRequestsPerRun} with ${large.openCases}`,
  );
  console.log(
    `estimated Azure cost per 1,000 cases (USD): ${JSON.stringify(cost.usd)} (${cost.requestUnitsPerCase} RU per case)`,
  );
  console.log(`list prices assumed (USD): ${JSON.stringify(LIST_PRICES)}`);
  console.log(
    JSON.stringify({
      ...life,
      watchdogRequestsPerRun: {
        [small.openCases]: small.cosmosRequestsPerRun,
        [large.openCases]: large.cosmosRequestsPerRun,
      },
      usdPerThousandCases: cost.usd,
    }),
  );
}
