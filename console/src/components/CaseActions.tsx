import { useState } from "preact/hooks";
import { sendJson } from "../api.js";
import { t } from "../strings.js";
import { explainProblem } from "./Problem.js";

const SIMPLE = ["agentResponded", "awaitingCustomer", "customerResponded", "resolved", "closed", "reopened"] as const;

/**
 * The agent's actions on a case. Each goes to POST /api/cases/{id}/events with a fresh Idempotency-Key, so a
 * double click or a retry after a lost answer applies once; refusals (409, 422) are shown in plain words.
 */
export function CaseActions({ caseId, severity, onDone }: { caseId: string; severity: string; onDone: () => void }) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | undefined>();

  const send = async (body: Record<string, unknown>) => {
    setBusy(true);
    setOutcome(undefined);
    try {
      await sendJson("POST", `/api/cases/${encodeURIComponent(caseId)}/events`, body, {
        "idempotency-key": crypto.randomUUID(),
      });
      setOutcome({ ok: true, text: t.case.done });
      onDone();
    } catch (error) {
      setOutcome({ ok: false, text: explainProblem(error) });
    } finally {
      setBusy(false);
    }
  };

  const simple = (type: (typeof SIMPLE)[number], form: HTMLFormElement | null) => {
    const message = form === null ? "" : String(new FormData(form).get("message") ?? "").trim();
    const withMessage = type === "agentResponded" || type === "awaitingCustomer" || type === "resolved";
    void send({ type, ...(withMessage && message !== "" ? { message } : {}) });
  };

  const changeSeverity = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const reason = String(form.get("reason") ?? "").trim();
    // The reason is checked by the API, not here: its refusal is the one rule, shown in plain words.
    void send({ type: "severityChanged", severity: String(form.get("severity")), reason });
  };

  return (
    <section class="actions" aria-labelledby="actions-title">
      <h2 id="actions-title">{t.case.actions}</h2>
      <form
        class="action-row"
        onSubmit={(e) => {
          e.preventDefault();
          simple("agentResponded", e.currentTarget);
        }}
      >
        <label for="a-message">{t.case.message}</label>
        <textarea id="a-message" name="message" rows={2} />
        <div class="buttons">
          <button type="submit" disabled={busy} data-action="agentResponded">
            {t.actions.agentResponded}
          </button>
          {SIMPLE.filter((type) => type !== "agentResponded").map((type) => (
            <button
              type="button"
              disabled={busy}
              data-action={type}
              onClick={(e) => simple(type, e.currentTarget.form)}
            >
              {t.actions[type]}
            </button>
          ))}
        </div>
      </form>
      <form class="action-row" onSubmit={changeSeverity} data-form="severity">
        <label for="s-severity">{t.case.newSeverity}</label>
        <select id="s-severity" name="severity" value={severity === "A" ? "B" : "A"}>
          {["A", "B", "C"].map((s) => (
            <option value={s}>{s}</option>
          ))}
        </select>
        <label for="s-reason">{t.case.reason}</label>
        <input id="s-reason" name="reason" size={40} />
        <button type="submit" disabled={busy} data-action="severityChanged">
          {t.actions.severityChanged}
        </button>
      </form>
      <p class={outcome?.ok ? "ok" : "error"} role="status" aria-live="polite" data-outcome>
        {outcome?.text ?? ""}
      </p>
    </section>
  );
}
