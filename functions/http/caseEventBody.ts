import { z } from "zod";
import { type AgentCommand } from "../../shared/case/commands.js";
import { severitySchema } from "../../shared/policy/severity.js";

const text = (max: number) => z.string().trim().min(1).max(max);

/** SPEC §3.1 Event (POST /api/cases/{id}/events): the HTTP body that becomes one of the decider's agent commands. */
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

// Every body the schema accepts is a command the decider understands (a compile-time check).
const _isCommand = (body: CaseEventBody): AgentCommand => body;
void _isCommand;
