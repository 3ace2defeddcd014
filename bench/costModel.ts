/*
 * The cost model of `npm run bench:cost`: what one case life costs in Azure at list prices, from the counts
 * the local runtime measured (GET /_local/metrics). The prices and per-operation estimates are assumptions,
 * written out so that anyone can check them against the pricing pages and rerun with their own.
 */

/** USD, pay-as-you-go list prices (checked 2026-12; re-check on azure.microsoft.com/pricing). */
export const LIST_PRICES = {
  /** Azure Cosmos DB serverless: per million request units. */
  cosmosPerMillionRu: 0.25,
  /** Azure Storage (the Durable Functions backend): queue and table transactions, per 10,000. */
  storagePer10kTransactions: 0.0004,
  /** Azure Functions Flex Consumption on demand: per million executions, and per GB-second. */
  functionsPerMillionExecutions: 0.4,
  functionsPerGbSecond: 0.000026,
  /** Azure Communication Services Email: per message (the per-MB charge is left out: the messages are small). */
  emailPerMessage: 0.00025,
} as const;

/**
 * Request units per Cosmos DB request, by kind: estimates for items of a few KB with the cases container's
 * indexing policy (state, outbox and event bodies not indexed). A point read of 1 KB is 1 RU by definition.
 */
export const RU_PER_REQUEST: Readonly<Record<string, number>> = {
  pointRead: 1,
  query: 3,
  queryPlan: 0,
  readFeed: 3,
  create: 7,
  replace: 9,
  upsert: 9,
  patch: 7,
  delete: 7,
  batch: 16,
  metadata: 0,
};

/** Storage transactions per durable operation on the Azure Storage backend (queue and history table I/O). */
export const STORAGE_TRANSACTIONS = { perEpisode: 8, perActivity: 4, perTimer: 2, perEvent: 2 } as const;

/** Instance memory and execution times assumed for the GB-seconds of Flex Consumption. */
export const EXECUTION = { memoryGb: 2, episodeSeconds: 0.05, activitySeconds: 0.15, httpSeconds: 0.1 } as const;

export interface CaseCounts {
  readonly cosmosByKind: Readonly<Record<string, number>>;
  readonly episodes: number;
  readonly activities: number;
  readonly timers: number;
  readonly events: number;
  readonly httpRequests: number;
  readonly mails: number;
}

/** Estimated USD per 1,000 cases, by part. */
export function costPerThousandCases(perCase: CaseCounts) {
  const ru = Object.entries(perCase.cosmosByKind).reduce((sum, [kind, n]) => sum + n * (RU_PER_REQUEST[kind] ?? 5), 0);
  const cosmos = (ru * 1000 * LIST_PRICES.cosmosPerMillionRu) / 1e6;
  const transactions =
    perCase.episodes * STORAGE_TRANSACTIONS.perEpisode +
    perCase.activities * STORAGE_TRANSACTIONS.perActivity +
    perCase.timers * STORAGE_TRANSACTIONS.perTimer +
    perCase.events * STORAGE_TRANSACTIONS.perEvent;
  const storage = (transactions * 1000 * LIST_PRICES.storagePer10kTransactions) / 10_000;
  const executions = perCase.episodes + perCase.activities + perCase.httpRequests;
  const gbSeconds =
    EXECUTION.memoryGb *
    (perCase.episodes * EXECUTION.episodeSeconds +
      perCase.activities * EXECUTION.activitySeconds +
      perCase.httpRequests * EXECUTION.httpSeconds);
  const functions =
    (executions * 1000 * LIST_PRICES.functionsPerMillionExecutions) / 1e6 +
    gbSeconds * 1000 * LIST_PRICES.functionsPerGbSecond;
  const email = perCase.mails * 1000 * LIST_PRICES.emailPerMessage;
  const round = (x: number) => Number(x.toFixed(4));
  return {
    requestUnitsPerCase: ru,
    usd: {
      cosmos: round(cosmos),
      storage: round(storage),
      functions: round(functions),
      email: round(email),
      total: round(cosmos + storage + functions + email),
    },
  };
}
