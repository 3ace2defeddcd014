import { getJson } from "../api.js";
import { syncServerClock, useServerNow } from "../clock.js";
import { SeverityTag } from "../components/Badges.js";
import { CaseActions } from "../components/CaseActions.js";
import { ExplanationTimeline } from "../components/ExplanationTimeline.js";
import { ProblemView } from "../components/Problem.js";
import { countdownText, formatInstant } from "../format.js";
import { href } from "../router.js";
import { t } from "../strings.js";
import { type CaseView, type ClockView, type TimelineEntry } from "../types.js";
import { usePoll } from "../usePoll.js";

const CLOCK_ORDER = ["initialResponse", "revisedInitialResponse", "followUp", "customerResponse"];

function ClockCard({ clock, timeZone, now }: { clock: ClockView; timeZone: string; now: number }) {
  const running = clock.state === "running";
  return (
    <article class={`clock state-${clock.state}`} data-clock={clock.kind}>
      <h3>
        {t.clocks[clock.kind] ?? clock.kind}{" "}
        <span class={`badge state ${clock.state}`}>{t.clockStates[clock.state]}</span>
      </h3>
      <dl class="facts">
        <dt>{t.case.due}</dt>
        <dd>
          {formatInstant(clock.dueAt)} · <span class="muted">{formatInstant(clock.dueAt, timeZone)}</span>
        </dd>
        {running && (
          <>
            <dt>{t.case.remaining}</dt>
            <dd class="countdown">{countdownText(clock.dueAt, now)}</dd>
          </>
        )}
        {clock.breachedAt && (
          <>
            <dt>{t.clockStates.breached}</dt>
            <dd>{formatInstant(clock.breachedAt)}</dd>
          </>
        )}
        {clock.respondedAt && (
          <>
            <dt>{t.clockStates.met}</dt>
            <dd>{formatInstant(clock.respondedAt)}</dd>
          </>
        )}
      </dl>
      <ExplanationTimeline clock={clock} timeZone={timeZone} />
    </article>
  );
}

function TimelineItem({ entry, timeZone }: { entry: TimelineEntry; timeZone: string }) {
  const detail = [
    entry.from && entry.to ? `${entry.from} → ${entry.to}` : undefined,
    entry.clock ? (t.clocks[entry.clock] ?? entry.clock) : undefined,
    entry.level !== undefined ? t.badges.escalation(entry.level) : undefined,
    entry.dueAt ? `${t.case.due} ${formatInstant(entry.dueAt, timeZone)}` : undefined,
    entry.reason,
    entry.message,
  ].filter((x): x is string => Boolean(x));
  return (
    <li data-entry={entry.type}>
      <time dateTime={entry.at}>{formatInstant(entry.at)}</time> <strong>{entry.type}</strong>{" "}
      <span class="muted">({entry.actor})</span>
      {detail.length > 0 && <span> · {detail.join(" · ")}</span>}
    </li>
  );
}

export function CasePage({ id }: { id: string }) {
  const loaded = usePoll(
    async () => {
      const view = await getJson<CaseView>(`/api/cases/${encodeURIComponent(id)}`);
      syncServerClock(view.now);
      return view;
    },
    [id],
    30_000,
  );
  const now = useServerNow();
  const c = loaded.data;
  if (c === undefined)
    return loaded.error !== undefined ? (
      <ProblemView error={loaded.error} onRetry={loaded.reload} />
    ) : (
      <p>{t.loading}</p>
    );
  const zone = c.timeZone;
  const clocks = CLOCK_ORDER.map((k) => c.clocks[k]).filter((x): x is ClockView => x !== undefined);
  return (
    <section aria-labelledby="case-title">
      <h1 id="case-title">{c.title}</h1>
      <p class="muted mono">{c.id}</p>
      <dl class="facts wide">
        <dt>{t.case.tenant}</dt>
        <dd>
          <a href={href(`tenants/${encodeURIComponent(c.tenantId)}`)}>{c.tenantId}</a>
        </dd>
        <dt>{t.case.status}</dt>
        <dd data-field="status">{t.statuses[c.status as keyof typeof t.statuses] ?? c.status}</dd>
        <dt>{t.case.severity}</dt>
        <dd data-field="severity">
          <SeverityTag severity={c.severity} />
          {c.requestedSeverity !== c.severity && <span class="muted"> {t.case.requested(c.requestedSeverity)}</span>}
        </dd>
        <dt>{t.case.category}</dt>
        <dd>{t.categories[c.category as keyof typeof t.categories] ?? c.category}</dd>
        <dt>{t.case.escalation}</dt>
        <dd>{c.escalationLevel}</dd>
        <dt>{t.case.received}</dt>
        <dd>
          {formatInstant(c.receivedAt)} · <span class="muted">{formatInstant(c.receivedAt, zone)}</span>
        </dd>
      </dl>
      <p class="description">{c.description}</p>
      <CaseActions caseId={c.id} severity={c.severity} onDone={loaded.reload} />
      <h2>{t.case.clocks}</h2>
      <div class="clocks">
        {clocks.map((clock) => (
          <ClockCard clock={clock} timeZone={zone} now={now} />
        ))}
      </div>
      {c.clockHistory.length > 0 && (
        <details class="history">
          <summary>{t.case.history(c.clockHistory.length)}</summary>
          <div class="clocks">
            {c.clockHistory.map((clock) => (
              <ClockCard clock={clock} timeZone={zone} now={now} />
            ))}
          </div>
        </details>
      )}
      <h2>{t.case.timeline}</h2>
      <ol class="timeline" reversed>
        {[...c.timeline].reverse().map((entry) => (
          <TimelineItem entry={entry} timeZone={zone} />
        ))}
      </ol>
    </section>
  );
}
