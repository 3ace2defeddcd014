import { defineConfig } from "vitest/config";
import base from "./vitest.config.js";

/**
 * The end-to-end suite once more, on a local runtime that reproduces Azure Storage's idle queue polling
 * (local/README.md, docs/durable-semantics.md): every start, doorbell and other message a durable client
 * sends reaches its orchestration one interval later. One second of real time keeps this run short while
 * every event still arrives after the HTTP request that sent it has moved on; the events route's 202 answer,
 * which needs a delay beyond its 10-second wait, is pinned by test/local/queuePolling.test.ts.
 */
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ["test/e2e/**/*.test.ts"],
    env: { CASECLOCK_LOCAL_QUEUE_POLLING_INTERVAL: "PT0.3S" },
  },
});
