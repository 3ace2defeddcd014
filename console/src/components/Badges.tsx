import { formatDuration } from "../format.js";
import { t } from "../strings.js";
import { type QueueRow } from "../types.js";

/** The queue's badges: breached (with how long ago), warned, escalation level, awaiting customer. */
export function Badges({ row, now }: { row: QueueRow; now: number }) {
  return (
    <span class="badges">
      {row.breached && row.breachedAt !== null && (
        <span class="badge breached" data-badge="breached">
          {t.badges.breached(formatDuration(now - Date.parse(row.breachedAt)))}
        </span>
      )}
      {row.warned && !row.breached && (
        <span class="badge warned" data-badge="warned">
          {t.badges.warned}
        </span>
      )}
      {row.escalationLevel > 0 && (
        <span class="badge escalation" data-badge="escalation">
          {t.badges.escalation(row.escalationLevel)}
        </span>
      )}
      {row.status === "awaitingCustomer" && (
        <span class="badge waiting" data-badge="awaitingCustomer">
          {t.badges.awaitingCustomer}
        </span>
      )}
    </span>
  );
}

export function SeverityTag({ severity }: { severity: string }) {
  return <span class={`sev sev-${severity}`}>{severity}</span>;
}
