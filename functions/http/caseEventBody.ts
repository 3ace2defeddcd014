import { z } from "zod";
import { type AgentCommand } from "../../shared/case/commands.js";
import { severitySchema } from "../../shared/policy/severity.js";
import { text } from "../../shared/validation/text.js";

/** A reason is one line; a message keeps its line breaks (both refuse control characters, see text.ts). */
const reason = (max: number) => text({ min: 1, max });
const message = (max: number) => text({ min: 1, max, multiline: true });

/** docs/policy.md §3.1 Event (POST /api/cases/{id}/events): the HTTP body that becomes one of the decider's agent commands. */
export const caseEventBodySchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("agentResponded"), message: message(10_000).optional() }).strict(),
  z
    .object({
      type: z.literal("awaitingCustomer"),
      reason: reason(1_000).optional(),
      message: message(10_000).optional(),
    })
    .strict(),
  z.object({ type: z.literal("customerResponded"), message: message(10_000).optional() }).strict(),
  z.object({ type: z.literal("severityChanged"), severity: severitySchema, reason: reason(1_000) }).strict(),
  z
    .object({ type: z.literal("resolved"), reason: reason(1_000).optional(), message: message(10_000).optional() })
    .strict(),
  z.object({ type: z.literal("closed"), reason: reason(1_000).optional() }).strict(),
  z.object({ type: z.literal("reopened"), reason: reason(1_000).optional() }).strict(),
]);
export type CaseEventBody = z.infer<typeof caseEventBodySchema>;

// Every body the schema accepts is a command the decider understands (a compile-time check).
const _isCommand = (body: CaseEventBody): AgentCommand => body;
void _isCommand;
