import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { containerDefinitions } from "../../shared/adapters/cosmos/containers.js";
import { resolveAppSettingExpressions } from "../config/appSettingExpressions.js";
import { pollingInterval } from "../config/cliArguments.js";
import { prepareDataDirectory } from "../config/dataDirectory.js";
import { loadOrCreateGeneratedSecrets } from "../config/generatedSecrets.js";
import { loadOrCreateHostKeys } from "../config/hostKeys.js";
import { readHostSettings } from "../config/hostJson.js";
import { readLocalSettingsFile } from "../config/localSettingsFile.js";
import { defaultProjectDirectory } from "../config/projectDirectory.js";
import { parseIsoDuration } from "../clock/isoDuration.js";
import { RealClock, type RuntimeClock, VirtualClock, realNow } from "../clock/runtimeClock.js";
import { installVirtualDate } from "../clock/virtualDate.js";
import { startEmbeddedCosmos, type EmbeddedCosmos } from "../cosmos/embeddedCosmos.js";
import { parseFaultSpec, startFaultProxy, type FaultProxy } from "../cosmos/faultProxy.js";
import { type DurableEndpoints } from "../durable/durableClientBinding.js";
import { durableBackendOf } from "../durable/durableBackend.js";
import { DurableEngine } from "../durable/durableEngine.js";
import { DurableHttpApi } from "../durable/durableHttpApi.js";
import { InstanceStore } from "../durable/instanceStore.js";
import { importEntryFiles, packageMainPattern, resolveEntryFiles } from "../host/appEntryFiles.js";
import { provideFunctionsCoreModule } from "../host/coreModuleResolution.js";
import { extraInputBindings } from "../host/extraInputBindings.js";
import { FunctionInvoker } from "../host/functionInvoker.js";
import { FunctionsCoreApi } from "../host/functionsCoreApi.js";
import { HttpTriggerInvocation } from "../http/httpTriggerInvocation.js";
import { HttpTriggerRoutes } from "../http/httpTriggerRoutes.js";
import { LocalEndpoints } from "../http/localEndpoints.js";
import { DURABLE_RPC_PATH, DURABLE_WEBHOOK_PATH, RuntimeHttpServer } from "../http/runtimeHttpServer.js";
import { createRuntimeLog, errorMessage, type LineWriter } from "../logging/runtimeLog.js";
import { RuntimeMetrics } from "../metrics/runtimeMetrics.js";
import { OutboxFolder } from "../outbox/outboxFolder.js";
import { TimerTriggers } from "../timers/timerTriggers.js";
import { applyAppSettings, provideAppSettings } from "./appSettingsEnvironment.js";
import { TimeKeeper } from "./timeKeeper.js";
import { WorkTracker } from "./workTracker.js";

export interface LocalRuntimeOptions {
  /** The app folder (package.json, host.json, settings); default: the one this runtime lives in. */
  readonly projectDir?: string;
  /** Where all local state lives; default `<project>/.caseclock-local`. */
  readonly dataDir?: string;
  /** HTTP port; default 7071; 0 = any free port. */
  readonly port?: number;
  /** Embedded Cosmos DB port; default the port of CASECLOCK_COSMOS_ENDPOINT (8081); 0 = any free port. */
  readonly cosmosPort?: number;
  /** `true`: virtual clock from the persisted instant (else now); an ISO instant: start there. */
  readonly virtualClock?: boolean | string;
  /** Entry glob instead of package.json `main` (to host another app, e.g. the durable samples). */
  readonly entry?: string;
  /** App settings that win over the settings file and the environment. */
  readonly settings?: Readonly<Record<string, string>>;
  /** Empty the data folder first. */
  readonly reset?: boolean;
  /**
   * `AzureStorage` or `DurableTaskScheduler`: the Durable backend whose semantics the engine reproduces;
   * default the setting CASECLOCK_LOCAL_DURABLE_BACKEND, else host.json `storageProvider.type`.
   */
  readonly durableBackend?: string;
  /**
   * Reproduce Azure Storage's idle queue polling with this interval (ms; 0 = off); default the setting
   * CASECLOCK_LOCAL_QUEUE_POLLING_INTERVAL (ISO 8601 duration or ms), else off.
   */
  readonly queuePollingMs?: number;
  readonly verbose?: boolean;
  /** Where log lines go (default stdout). */
  readonly write?: LineWriter;
}

export interface LocalRuntime {
  readonly url: string;
  readonly port: number;
  readonly functionKey: string;
  readonly dataDir: string;
  readonly virtualClock: boolean;
  readonly cosmos: {
    readonly endpoint: string;
    readonly database: string;
    readonly caFile: string;
    readonly key: string;
  };
  /** "METHOD /path (authLevel)" per HTTP function, and the other functions by trigger. */
  readonly functions: readonly string[];
  now(): Date;
  /** Virtual clock: moves forward by an ISO duration or milliseconds, firing what falls due; answers the new time. */
  advanceClock(isoDurationOrMs: string | number): Promise<Date>;
  /** Virtual clock: moves forward to an instant. */
  setClock(instant: string | Date): Promise<Date>;
  /** Waits until no work is running or due. */
  drain(): Promise<void>;
  /** Finishes work in flight, makes everything durable, closes the servers. */
  stop(): Promise<void>;
}

let started = false;

function cosmosPortFromSettings(endpoint: string | undefined): number {
  try {
    const url = new URL(endpoint ?? "");
    if (url.hostname === "127.0.0.1" || url.hostname === "localhost") return Number(url.port || 443);
  } catch {
    // Not a local endpoint: any free port.
  }
  return 0;
}

/**
 * Starts the one-machine runtime in this process: the app's functions through a stand-in of the worker's
 * core API, the durable backend, timer triggers, the embedded Cosmos DB and the mail outbox. The function
 * registrations and (with a virtual clock) the Date replacement are process-wide: one runtime per process.
 */
export async function startLocalRuntime(options: LocalRuntimeOptions = {}): Promise<LocalRuntime> {
  if (started)
    throw new Error(
      "a local runtime already runs in this process (registrations and the clock are process-wide); use a child process",
    );
  started = true;
  const bootStarted = realNow();
  const log = createRuntimeLog({
    verbose: options.verbose === true,
    ...(options.write ? { write: options.write } : {}),
  });
  const projectDir = options.projectDir ?? defaultProjectDirectory();
  const { dir: dataDir, unlock } = prepareDataDirectory(
    options.dataDir ?? join(projectDir, ".caseclock-local"),
    options.reset === true,
  );
  const host = await readHostSettings(projectDir);

  const settingsFile = await readLocalSettingsFile(projectDir);
  const secrets = loadOrCreateGeneratedSecrets(dataDir);
  applyAppSettings(process.env, { file: settingsFile.values, explicit: options.settings ?? {}, generated: secrets });
  const keys = loadOrCreateHostKeys(dataDir);

  let clock: RuntimeClock;
  if (options.virtualClock !== undefined && options.virtualClock !== false) {
    const requested = typeof options.virtualClock === "string" ? Date.parse(options.virtualClock) : undefined;
    if (requested !== undefined && Number.isNaN(requested))
      throw new Error(`--virtual-clock: "${String(options.virtualClock)}" is not an ISO 8601 instant`);
    const virtual = await VirtualClock.open(dataDir, requested, (persisted) =>
      log.warn(
        `virtual clock: resuming at the persisted ${persisted}, later than the requested instant (the clock never goes back; --reset starts over)`,
      ),
    );
    installVirtualDate(() => virtual.now());
    clock = virtual;
  } else {
    clock = new RealClock();
  }

  const metrics = new RuntimeMetrics();
  const databaseName = process.env.CASECLOCK_COSMOS_DATABASE || "caseclock";
  const cosmos: EmbeddedCosmos = await startEmbeddedCosmos({
    dataDir,
    port: options.cosmosPort ?? cosmosPortFromSettings(process.env.CASECLOCK_COSMOS_ENDPOINT),
    database: databaseName,
    containers: containerDefinitions,
    nowSeconds: () => Math.floor(clock.now() / 1000),
    log: log.child("cosmos"),
    countRequest: (kind, status, requestBytes, responseBytes) =>
      metrics.cosmosRequest(kind, status, requestBytes, responseBytes),
  });
  // Resilience tests put a fault-injecting proxy between the app and the store (never by default).
  const faultSpec = parseFaultSpec(process.env.CASECLOCK_LOCAL_COSMOS_FAULTS);
  const faults: FaultProxy | undefined =
    faultSpec === undefined
      ? undefined
      : await startFaultProxy({
          target: cosmos.endpoint,
          ...cosmos.certificate,
          spec: faultSpec,
          log: log.child("cosmos-faults"),
        });
  const outbox = new OutboxFolder(join(dataDir, "outbox"), log);
  provideAppSettings(process.env, {
    CASECLOCK_COSMOS_ENDPOINT: faults?.endpoint ?? cosmos.endpoint,
    CASECLOCK_COSMOS_KEY: cosmos.key,
    CASECLOCK_COSMOS_CA_FILE: cosmos.caFile,
    CASECLOCK_OUTBOX_DIR: outbox.dir,
    FUNCTIONS_WORKER_RUNTIME: "node",
  });

  const invoker: { current?: FunctionInvoker } = {};
  const core = new FunctionsCoreApi((level, category, message) => invoker.current?.systemLog(level, category, message));
  invoker.current = new FunctionInvoker(core, log, options.verbose === true);
  provideFunctionsCoreModule(core.moduleExports());
  const pattern = options.entry ?? (await packageMainPattern(projectDir));
  await importEntryFiles(await resolveEntryFiles(projectDir, pattern));
  core.lock();
  if (!core.hasProgrammingModel)
    throw new Error(`no functions registered by ${pattern} (does the app use @azure/functions?)`);
  const capabilities = (await core.requireProgrammingModel().getCapabilities?.({})) ?? {};
  if (capabilities.HttpUri !== undefined)
    throw new Error("HTTP streaming (app.setup({ enableHttpStream: true })) is not supported by the local runtime");

  for (const fn of core.byTriggerType("entityTrigger"))
    log.warn(`${fn.name}: durable entities are not supported by the local runtime; it is never invoked`);
  const hubName = resolveAppSettingExpressions(host.hubNameExpression, process.env, "host.json durableTask.hubName");
  const rpcToken = randomBytes(16).toString("hex");
  const endpoints: { current: DurableEndpoints } = {
    current: {
      webhookBaseUrl: "",
      rpcBaseUrl: "",
      taskHubName: hubName,
      connectionName: "Storage",
      systemKey: keys.durableTaskKey,
    },
  };
  const extraInputsFor = extraInputBindings(() => endpoints.current, log);
  const tracker = new WorkTracker(log);
  // Local-runtime settings (never read by the app): the backend to reproduce and the queue polling delay.
  const backend = durableBackendOf(
    host.storageProviderType,
    options.durableBackend ?? (process.env.CASECLOCK_LOCAL_DURABLE_BACKEND || undefined),
  );
  const pollingSetting = process.env.CASECLOCK_LOCAL_QUEUE_POLLING_INTERVAL;
  const queuePollingMs =
    options.queuePollingMs ??
    (pollingSetting ? pollingInterval(pollingSetting, "CASECLOCK_LOCAL_QUEUE_POLLING_INTERVAL") : 0);
  if (queuePollingMs > 0 && !backend.polledQueues)
    log.warn(`queue polling interval ignored: the ${backend.name} backend pushes work items, it does not poll`);
  const engine = await DurableEngine.open({
    store: await InstanceStore.open(join(dataDir, "durable", hubName), (bytes) => {
      metrics.durable.instanceFileWrites += 1;
      metrics.durable.instanceFileBytes += bytes;
    }),
    clock,
    functions: core,
    invoker: invoker.current,
    tracker,
    log: log.child("durable"),
    maxConcurrentActivities: host.maxConcurrentActivityFunctions,
    backend,
    queuePollingMs,
    extraInputsFor,
    metrics,
  });
  metrics.attach({ instancesByStatus: () => engine.instancesByStatus(), outboxTotals: () => outbox.totals() });
  const triggers = await TimerTriggers.open({
    dataDir,
    functions: core,
    invoker: invoker.current,
    clock,
    tracker,
    log: log.child("timer"),
    settings: process.env,
    extraInputsFor,
  });
  const timeKeeper = new TimeKeeper(
    clock,
    engine,
    triggers,
    tracker,
    () => outbox.scan(),
    backend.polledQueues ? queuePollingMs : 0,
  );
  const routes = new HttpTriggerRoutes(core.all(), host.routePrefix);

  const functionList = [
    ...routes.routes.map(
      (r) => `${r.methods.length > 0 ? r.methods.join(",") : "*"} ${r.display} (${r.fn.name}, ${r.authLevel})`,
    ),
    ...core
      .all()
      .filter((f) => f.trigger.type.toLowerCase() !== "httptrigger")
      .map(
        (f) =>
          `${f.name}: ${f.trigger.type}${f.trigger.type.toLowerCase() === "timertrigger" ? ` [${triggers.scheduleOf(f.name) ?? ""}]` : ""}`,
      ),
  ];
  const cosmosInfo = { endpoint: cosmos.endpoint, database: cosmos.database, caFile: cosmos.caFile, key: cosmos.key };
  const server = new RuntimeHttpServer({
    routes,
    invocation: new HttpTriggerInvocation(invoker.current, extraInputsFor, log.child("http")),
    durableApi: new DurableHttpApi(engine, () => endpoints.current),
    localEndpoints: new LocalEndpoints({
      clock,
      timeKeeper,
      engine,
      outbox,
      metrics,
      cosmos: () => (faults === undefined ? cosmosInfo : { ...cosmosInfo, faults: faults.stats() }),
      functions: () => functionList,
    }),
    keys,
    rpcToken,
    log: log.child("http"),
  });
  const port = await server.listen(options.port ?? 7071);
  const url = `http://localhost:${port}`;
  endpoints.current = {
    ...endpoints.current,
    webhookBaseUrl: `${url}${DURABLE_WEBHOOK_PATH}`,
    rpcBaseUrl: `http://127.0.0.1:${port}${DURABLE_RPC_PATH}/${rpcToken}/`,
  };
  provideAppSettings(process.env, { WEBSITE_HOSTNAME: `localhost:${port}` });

  await invoker.current.runAppHook("appStart", projectDir);
  engine.resume();
  triggers.runStartupTriggers();
  outbox.startWatching();
  if (clock.virtual) {
    // Timers already due at the resumed instant fire without waiting for the next clock move.
    tracker.run("due timers", async () => {
      await engine.fireTimersDueBy(clock.now());
    });
  } else timeKeeper.startRealTime();
  log.info(
    `${core.all().length} functions, ${engine.instanceCount} durable instance(s), task hub ${hubName} (${backend.name} semantics${queuePollingMs > 0 && backend.polledQueues ? `, queues polled every ${queuePollingMs} ms when idle` : ""}), ${clock.virtual ? "virtual" : "real"} clock at ${new Date(clock.now()).toISOString()}, ready in ${realNow() - bootStarted} ms`,
  );

  let stopping: Promise<void> | undefined;
  const moveTo = async (target: number): Promise<Date> => {
    await timeKeeper.advanceTo(target);
    return new Date(clock.now());
  };
  return {
    url,
    port,
    functionKey: keys.functionKey,
    dataDir,
    virtualClock: clock.virtual,
    cosmos: cosmosInfo,
    functions: functionList,
    now: () => new Date(clock.now()),
    advanceClock: (by) => moveTo(clock.now() + (typeof by === "number" ? by : parseIsoDuration(by))),
    setClock: (instant) => moveTo(typeof instant === "string" ? Date.parse(instant) : instant.getTime()),
    drain: () => timeKeeper.drain(),
    stop: () => {
      stopping ??= (async () => {
        engine.stop();
        timeKeeper.stop();
        await server.close(10_000);
        await Promise.race([tracker.idle(), new Promise<void>((resolve) => setTimeout(resolve, 20_000).unref())]);
        await engine.flush();
        await triggers.flush();
        if (clock instanceof VirtualClock) await clock.flush();
        try {
          await invoker.current!.runAppHook("appTerminate", projectDir);
        } catch (error) {
          log.warn(`appTerminate hook failed: ${errorMessage(error)}`);
        }
        outbox.close();
        await faults?.close();
        await cosmos.close();
        unlock();
        log.info("stopped");
      })();
      return stopping;
    },
  };
}
