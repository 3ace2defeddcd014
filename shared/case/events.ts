import { z } from "zod";
import { severitySchema } from "../policy/severity.js";

const text = (max: number) => z.string().trim().min(1).max(max);

/** SPEC §3.1 Event (POST /api/cases/{id}/events): what agents and integrations tell a case. */
export const caseEventBodySchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("agentResponded"), message: text(10_000).optional() }).strict(),
  z
    .object({ type: z.literal("awaitingCustomer"), reason: text(1_000).optional(), message: text(10_000).optional() })
    .strict(),
  z.object({ type: z.literal("customerResponded"), message: text(10_000).optional() }).strict(),
  z.object({ type: z.literal("severityChanged"), severity: severitySchema, reason: text(1_000) }).strict(),
  z.object({ type: z.literal("resolved"), reason: text(1_000).optional(), message: text(10_000).optional() }).strict(),
  z.object({ type: z.literal("closed"), reason: text(1_000).optional() }).strict(),
  z.object({ type: z.literal("reopened"), reason: text(1_000).optional() }).strict(),
]);
export type CaseEventBody = z.infer<typeof caseEventBodySchema>;
export type CaseEventType = CaseEventBody["type"];

/** An external event as the orchestration receives it: the body plus an id for de-duplication. */
export type ExternalCaseEvent = CaseEventBody & { readonly id: string };

/** A wake-up of the orchestration's timer: only time has passed. */
export interface Tick {
  readonly type: "tick";
}

export type CaseInput = ExternalCaseEvent | Tick;
