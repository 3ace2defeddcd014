import * as df from "durable-functions";
import { services } from "../../shared/adapters/services.js";
import { type CaseState, type Effect, type SendMail } from "../../shared/case/index.js";
import { log } from "../../shared/logging/log.js";
import { deliverCaseMail } from "../../shared/adapters/mail/caseMail.js";
import { type CaseDocument } from "../../shared/adapters/cosmos/caseRepository.js";
import { activities } from "../names.js";

export interface CaseRef {
  readonly tenantId: string;
  readonly caseId: string;
}

/** What one turn of the orchestration starts from: the stored state, effects not yet confirmed, events not yet applied. */
export type CaseWork = Pick<CaseDocument, "state" | "outbox" | "inbox">;

df.app.activity(activities.loadCaseWork, {
  handler: async (ref: CaseRef): Promise<CaseWork | null> => {
    const doc = await services().cases.get(ref.tenantId, ref.caseId);
    return doc === undefined
      ? null
      : {
          state: doc.state,
          outbox: doc.outbox,
          inbox: [...doc.inbox].sort((a, b) =>
            a.receivedAt < b.receivedAt ? -1 : a.receivedAt > b.receivedAt ? 1 : 0,
          ),
        };
  },
});

export interface SaveDecisionInput {
  readonly state: CaseState;
  readonly outbox: readonly Effect[];
  readonly applied: readonly string[];
}

df.app.activity(activities.saveCaseDecision, {
  handler: async (input: SaveDecisionInput, context): Promise<string> => {
    const s = services();
    const result = await s.cases.saveDecision(input.state, input.outbox, input.applied, s.now().toISOString());
    log(context, "info", "case saved", {
      caseId: input.state.id,
      version: input.state.version,
      effects: input.outbox.length,
      outcome: result,
    });
    return result;
  },
});

df.app.activity(activities.clearCaseOutbox, {
  handler: async (input: CaseRef & { version: number }): Promise<void> => {
    await services().cases.clearOutbox(input.tenantId, input.caseId, input.version);
  },
});

export interface SendCaseMailInput {
  readonly effect: SendMail;
  readonly requester: CaseState["requester"];
  readonly category: CaseState["category"];
  readonly timeZone: string;
}

df.app.activity(activities.sendCaseMail, {
  handler: async (input: SendCaseMailInput, context): Promise<"sent" | "already-sent"> => {
    const outcome = await deliverCaseMail(services(), input.effect, input);
    const caseId = typeof input.effect.data.caseId === "string" ? input.effect.data.caseId : undefined;
    if (outcome === "sent") log(context, "info", "mail sent", { template: input.effect.template, caseId });
    return outcome;
  },
});
