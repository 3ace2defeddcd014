/** Where the durable client's two HTTP faces live on this runtime. */
export interface DurableEndpoints {
  /** Public webhook base (management URLs for callers), e.g. http://localhost:7071/runtime/webhooks/durabletask */
  readonly webhookBaseUrl: string;
  /** Base the SDK calls directly (the extension's local RPC endpoint); ends with "/". */
  readonly rpcBaseUrl: string;
  readonly taskHubName: string;
  readonly connectionName: string;
  /** The extension's system key, carried as `code` by webhook URLs. */
  readonly systemKey: string;
}

/** The placeholder the extension puts where an instance id goes in management URLs. */
export const INSTANCE_ID_PLACEHOLDER = "INSTANCEID";

export function managementUrls(e: DurableEndpoints, instanceId: string, encodeId = false): Record<string, string> {
  const id = encodeId ? encodeURIComponent(instanceId) : instanceId;
  const prefix = `${e.webhookBaseUrl}/instances/${id}`;
  const query = `taskHub=${encodeURIComponent(e.taskHubName)}&connection=${encodeURIComponent(e.connectionName)}&code=${encodeURIComponent(e.systemKey)}`;
  return {
    id: instanceId,
    statusQueryGetUri: `${prefix}?${query}`,
    sendEventPostUri: `${prefix}/raiseEvent/{eventName}?${query}`,
    terminatePostUri: `${prefix}/terminate?reason={text}&${query}`,
    rewindPostUri: `${prefix}/rewind?reason={text}&${query}`,
    purgeHistoryDeleteUri: `${prefix}?${query}`,
    restartPostUri: `${prefix}/restart?${query}`,
    suspendPostUri: `${prefix}/suspend?reason={text}&${query}`,
    resumePostUri: `${prefix}/resume?reason={text}&${query}`,
  };
}

/**
 * The binding data of a `durableClient` input, what `df.getClient(context)` reads: task hub, creation and
 * management URL templates, and `rpcBaseUrl`, through which the SDK makes every call.
 */
export function durableClientBindingData(e: DurableEndpoints, taskHubOverride?: string): Record<string, unknown> {
  const endpoints = taskHubOverride !== undefined ? { ...e, taskHubName: taskHubOverride } : e;
  const code = `code=${encodeURIComponent(e.systemKey)}`;
  return {
    taskHubName: endpoints.taskHubName,
    creationUrls: {
      createNewInstancePostUri: `${e.webhookBaseUrl}/orchestrators/{functionName}[/{instanceId}]?${code}`,
      createAndWaitOnNewInstancePostUri: `${e.webhookBaseUrl}/orchestrators/{functionName}[/{instanceId}]?timeout={timeoutInSeconds}&pollingInterval={intervalInSeconds}&${code}`,
    },
    managementUrls: managementUrls(endpoints, INSTANCE_ID_PLACEHOLDER),
    baseUrl: e.webhookBaseUrl,
    requiredQueryStringParameters: code,
    rpcBaseUrl: e.rpcBaseUrl,
    httpBaseUrl: e.rpcBaseUrl,
    maxGrpcMessageSizeInBytes: 0,
    grpcHttpClientTimeout: "00:01:40",
  };
}
