/**
 * The one-machine runtime behind `npm start`, as a library: start it in this process, move its clock,
 * wait for quiescence, stop it. For a fresh runtime per test (restart, crash), run `main.js` as a child
 * process instead (see test/support/runtimeProcess.ts).
 */
export { startLocalRuntime, type LocalRuntime, type LocalRuntimeOptions } from "./runtime/localRuntime.js";
export { parseIsoDuration } from "./clock/isoDuration.js";
export { type OutboxEntry, type OutboxMessage } from "./outbox/outboxFolder.js";
