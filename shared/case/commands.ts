import { type CasePolicy } from "../policy/casePolicy.js";
import { type Severity } from "../policy/severity.js";

/**
 * What can happen to a case from outside (docs/policy.md §3.1 events, plus one system command). This is the
 * decider's own vocabulary: the HTTP body schema that produces the agent commands lives in the shell
 * (functions/http/caseEventBody.ts) and is checked against these types.
 */
export type AgentCommand =
  | { readonly type: "agentResponded"; readonly message?: string | undefined }
  | { readonly type: "awaitingCustomer"; readonly reason?: string | undefined; readonly message?: string | undefined }
  | { readonly type: "customerResponded"; readonly message?: string | undefined }
  | { readonly type: "severityChanged"; readonly severity: Severity; readonly reason: string }
  | { readonly type: "resolved"; readonly reason?: string | undefined; readonly message?: string | undefined }
  | { readonly type: "closed"; readonly reason?: string | undefined }
  | { readonly type: "reopened"; readonly reason?: string | undefined };

/** The tenant's calendar or plan changed: running clocks are recomputed on the new policy (docs/policy.md §5). */
export interface PolicyChanged {
  readonly type: "policyChanged";
  readonly policy: CasePolicy;
  readonly reason: string;
}

export type CaseCommand = AgentCommand | PolicyChanged;
export type CaseCommandType = CaseCommand["type"];

/** A command as the orchestration receives it: with an id for de-duplication. */
export type IdentifiedCommand = CaseCommand & { readonly id: string };

/** A wake-up of the orchestration's timer: only time has passed. */
export interface Tick {
  readonly type: "tick";
}

export type CaseInput = IdentifiedCommand | Tick;
