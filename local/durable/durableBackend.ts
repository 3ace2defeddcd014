/**
 * The Durable Functions backend the local engine behaves like. Azure's semantics differ by backend in the
 * places docs/durable-semantics.md lists; the engine reproduces the configured one.
 */
export type DurableBackendName = "AzureStorage" | "DurableTaskScheduler";

const DAY = 24 * 3_600_000;

export interface DurableBackend {
  readonly name: DurableBackendName;
  /** Timers further away than this are split into pieces (the extension's `MaximumDelayTime`). */
  readonly maximumShortTimerMs: number;
  /** The length of each piece of a split timer (the extension's `LongRunningTimerIntervalLength`). */
  readonly longTimerIntervalMs: number;
  /** The same two as the .NET TimeSpan texts the extension sends in every orchestration trigger. */
  readonly maximumShortTimerDuration: string;
  readonly longRunningTimerIntervalDuration: string;
  /** The largest message the backend carries, in UTF-8 bytes; undefined: large messages are offloaded. */
  readonly messageLimitBytes: number | undefined;
  /** Two concurrent starts of one instance id can both be accepted (and one start message dropped). */
  readonly racyStartDeduplication: boolean;
  /** Messages reach the worker by queue polling (so an idle queue is read late), not by a pushed stream. */
  readonly polledQueues: boolean;
}

/**
 * Azure Storage: 6-day maximum timer split into 3-day pieces
 * (azure-functions-durable-extension src/WebJobs.Extensions.DurableTask/AzureStorageDurabilityProvider.cs:
 * `MaximumDelayTime = 6 days`, `LongRunningTimerIntervalLength = 3 days`); large messages go to blobs
 * (durabletask src/DurableTask.AzureStorage/MessageManager.cs), so no message limit applies; the start
 * de-duplication reads the instance table before it writes it (AzureStorageOrchestrationService.cs
 * CreateTaskOrchestrationAsync); control queues are polled (Messaging/TaskHubQueue.cs).
 */
export const AZURE_STORAGE: DurableBackend = {
  name: "AzureStorage",
  maximumShortTimerMs: 6 * DAY,
  longTimerIntervalMs: 3 * DAY,
  maximumShortTimerDuration: "6.00:00:00",
  longRunningTimerIntervalDuration: "3.00:00:00",
  messageLimitBytes: undefined,
  racyStartDeduplication: true,
  polledQueues: true,
};

/**
 * Durable Task Scheduler: a message is limited to 1 MiB and Node apps have no large-payload offload
 * (learn.microsoft.com durable-task-scheduler-large-payloads: "JavaScript … Not available"; durabletask-dotnet
 * src/Extensions/AzureBlobPayloads/Options/LargePayloadStorageOptions.cs: the offload threshold "cannot
 * exceed 1 MiB"). Work items are streamed to the worker (durabletask-dotnet
 * src/Worker/Grpc/GrpcDurableTaskWorker.Processor.cs), so there is no idle polling. The Functions provider for
 * the scheduler is not public: its timer limits are assumed equal to Azure Storage's (the .NET SDK's own
 * default MaximumTimerInterval is 3 days too), and starts are assumed de-duplicated atomically.
 */
export const DURABLE_TASK_SCHEDULER: DurableBackend = {
  ...AZURE_STORAGE,
  name: "DurableTaskScheduler",
  messageLimitBytes: 1024 * 1024,
  racyStartDeduplication: false,
  polledQueues: false,
};

/**
 * The backend host.json names (`extensions.durableTask.storageProvider.type`): `AzureStorage` (or none) is
 * Azure Storage, `azureManaged` the Durable Task Scheduler (docs/deploy.md). An override (the
 * `--durable-backend` option) wins. Other providers (mssql, netherite) are not reproduced.
 */
export function durableBackendOf(storageProviderType: string | undefined, override?: string): DurableBackend {
  const name = (override ?? storageProviderType ?? "AzureStorage").toLowerCase();
  if (name === "azurestorage") return AZURE_STORAGE;
  if (name === "azuremanaged" || name === "durabletaskscheduler") return DURABLE_TASK_SCHEDULER;
  throw new Error(
    `durable backend "${override ?? storageProviderType ?? ""}" is not reproduced by the local runtime (AzureStorage or azureManaged)`,
  );
}
