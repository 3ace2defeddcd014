import { EventType, historyEvent, type FailureDetails, type HistoryEvent } from "./historyEvents.js";
import { isTerminal, type InboxMessage, type InstanceRecord, type PlayedMessage } from "./instanceRecord.js";
import { type DurableBackend } from "./durableBackend.js";
import { applyActions } from "./episodeActions.js";
import { failExecution, terminateExecution } from "./executionEnd.js";
import { isVisible, takeBatch } from "./inboxBatch.js";
import {
  orchestrationTriggerInput,
  type EpisodeResult,
  type OrchestrationTriggerInput,
} from "./orchestratorEpisode.js";
import { customStatusTooLarge } from "./payloadLimits.js";
import { playedEvent } from "./playedEvents.js";
import { emptyEffects, json, parseJson, type StepEffects } from "./stepEffects.js";

export { type StepEffects } from "./stepEffects.js";

export type EpisodeRunner = (orchestratorName: string, trigger: OrchestrationTriggerInput) => Promise<EpisodeResult>;

/**
 * Plays the next inbox messages of one instance into its history, the way the Durable Task extension does
 * for out-of-process orchestrators: one orchestrator episode of the SDK per batch (batches chosen so that
 * every sequence number the SDK hands out can be predicted: inboxBatch.ts), then the episode's new actions
 * become scheduled tasks, timers and sub-orchestrations with the next sequence numbers (episodeActions.ts).
 * Mutates the record; the caller persists it and then carries out the returned effects.
 */
export class InstanceStepper {
  constructor(
    private readonly runEpisode: EpisodeRunner,
    private readonly backend: DurableBackend,
    /** Real time (not the virtual clock), for messages a queue poll has not picked up yet. */
    private readonly realNow: () => number,
  ) {}

  /** Undefined when there is nothing to play (no message, or only messages a suspension holds back). */
  async step(record: InstanceRecord, now: number): Promise<StepEffects | undefined> {
    const batch = takeBatch(record, this.realNow());
    const first = batch[0];
    if (first === undefined) return undefined;
    const effects: StepEffects = { ...emptyEffects(), played: batch };
    switch (first.kind) {
      case "terminate":
        terminateExecution(record, now, first.reason, effects);
        return effects;
      case "suspend":
        if (record.runtimeStatus !== "Suspended") {
          record.history.push(
            historyEvent(EventType.ExecutionSuspended, now, { Reason: first.reason, IsPlayed: true }),
          );
          record.runtimeStatus = "Suspended";
        }
        return effects;
      case "resume":
        if (record.runtimeStatus === "Suspended") {
          record.history.push(historyEvent(EventType.ExecutionResumed, now, { Reason: first.reason, IsPlayed: true }));
          record.runtimeStatus = "Running";
        }
        return effects;
      default:
        await this.playBatch(record, now, batch, effects);
        return effects;
    }
  }

  /** True when `step` would play something. */
  hasWork(record: InstanceRecord): boolean {
    const at = this.realNow();
    const visible = (m: InboxMessage) => isVisible(m, at);
    if (isTerminal(record.runtimeStatus)) return false;
    if (record.inbox.some((m) => m.kind === "terminate" && visible(m))) return true;
    if (!record.started) return (record.startVisibleAt ?? 0) <= at;
    if (record.runtimeStatus === "Suspended") return record.inbox.some((m) => m.kind === "resume" && visible(m));
    return record.inbox.some(visible);
  }

  /** The earliest instant (real time) a message of this instance not visible yet becomes visible. */
  nextVisibility(record: InstanceRecord): number | undefined {
    const at = this.realNow();
    const times = [
      ...(record.started ? [] : [record.startVisibleAt ?? 0]),
      ...record.inbox.map((m) => ("visibleAt" in m ? (m.visibleAt ?? 0) : 0)),
    ].filter((t) => t > at);
    return times.length === 0 ? undefined : Math.min(...times);
  }

  /** Ends the execution Failed (executionEnd.ts). */
  fail(
    record: InstanceRecord,
    now: number,
    message: string,
    details: FailureDetails | undefined,
    effects: StepEffects,
  ) {
    failExecution(record, now, message, details, effects);
  }

  private async playBatch(
    record: InstanceRecord,
    now: number,
    batch: PlayedMessage[],
    effects: StepEffects,
  ): Promise<void> {
    const decisions: HistoryEvent[] = [];
    const played: HistoryEvent[] = [];
    const firstPlayedIndex = record.history.length + 1;
    for (const message of batch) {
      const open = record.tasks.filter((t) => t.pending !== undefined);
      const event = playedEvent(this.backend, record, now, message, decisions, effects);
      // Undefined: a completion for a task of another execution, or one already settled.
      if (event === undefined) continue;
      for (const task of open) if (task.pending === undefined) task.doneAt = firstPlayedIndex + played.length;
      played.push(event);
    }
    if (played.length === 0) return;

    const previous = record.history.map((e) => ({ ...e, IsPlayed: true }));
    const started = historyEvent(EventType.OrchestratorStarted, now);
    const trigger = orchestrationTriggerInput(
      [...previous, started, ...played],
      parseJson(record.input),
      record.instanceId,
      record.parent?.instanceId,
      this.backend,
    );
    const counts = effects.counts;
    counts.episodes += 1;
    counts.historyEventsReplayed += previous.length;
    counts.historyEventsNew += 1 + played.length;
    for (const e of played) {
      if (e.EventType === EventType.ExecutionStarted) counts.executionsStarted += 1;
      else if (e.EventType === EventType.EventRaised) counts.eventsDelivered += 1;
    }
    counts.timersCreated += decisions.filter((e) => e.EventType === EventType.TimerCreated).length;
    const result = await this.runEpisode(record.name, trigger);

    record.history = [
      ...previous,
      { ...started, IsPlayed: true },
      ...played.map((e) => ({ ...e, IsPlayed: true })),
      ...decisions,
    ];
    if (record.runtimeStatus === "Pending" || record.runtimeStatus === "ContinuedAsNew")
      record.runtimeStatus = "Running";
    const statusTooLarge = customStatusTooLarge(result.customStatus);
    if (statusTooLarge !== undefined) {
      // The extension refuses the status before it replays anything (OutOfProcOrchestrationShim.cs
      // ScheduleDurableTaskEvents → SetCustomStatus) and the orchestration fails; the last status stays.
      failExecution(record, now, statusTooLarge, undefined, effects);
      record.history.push(historyEvent(EventType.OrchestratorCompleted, now, { IsPlayed: true }));
      return;
    }
    if (!result.ok) {
      if (result.customStatus !== undefined) record.customStatus = json(result.customStatus);
      failExecution(record, now, result.message, result.failureDetails, effects);
      record.history.push(historyEvent(EventType.OrchestratorCompleted, now, { IsPlayed: true }));
      return;
    }
    if (result.customStatus !== undefined) record.customStatus = json(result.customStatus);
    applyActions(this.backend, record, now, result, effects);
    record.history.push(historyEvent(EventType.OrchestratorCompleted, now, { IsPlayed: true }));
  }
}
