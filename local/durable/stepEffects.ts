import { type PlayedMessage } from "./instanceRecord.js";

/** What a step did, for the runtime's metrics. */
export interface StepCounts {
  /** ExecutionStarted played (a new execution began). */
  executionsStarted: number;
  /** Orchestrator function invocations. */
  episodes: number;
  /** History events handed to the episode that had been played before. */
  historyEventsReplayed: number;
  /** History events the episode met for the first time (OrchestratorStarted and the played messages). */
  historyEventsNew: number;
  timersCreated: number;
  /** EventRaised events played. */
  eventsDelivered: number;
  eventsDropped: number;
  continuedAsNew: number;
}

/** Work a step asks for once the instance's new state is on disk. */
export interface StepEffects {
  readonly activities: { taskId: number; name: string; input: string | null }[];
  readonly children: { taskId: number; name: string; instanceId: string; input: string | null; version?: string }[];
  /** The instance reached a final state and has a parent to tell. */
  notifyParent: boolean;
  /** The messages the step played. */
  played?: PlayedMessage[];
  /** External events lost at continueAsNew (as Azure loses them), for the log. */
  droppedEvents?: string[];
  readonly counts: StepCounts;
}

export function emptyEffects(): StepEffects {
  return {
    activities: [],
    children: [],
    notifyParent: false,
    counts: {
      executionsStarted: 0,
      episodes: 0,
      historyEventsReplayed: 0,
      historyEventsNew: 0,
      timersCreated: 0,
      eventsDelivered: 0,
      eventsDropped: 0,
      continuedAsNew: 0,
    },
  };
}

export function json(value: unknown): string {
  return JSON.stringify(value === undefined ? null : value);
}

export function parseJson(text: string | null): unknown {
  return text === null ? null : (JSON.parse(text) as unknown);
}
