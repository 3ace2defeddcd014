import { useState } from "preact/hooks";
import { getJson, sendJson } from "../api.js";
import { explainProblem, ProblemView } from "../components/Problem.js";
import { WeekView } from "../components/WeekView.js";
import { href, navigate } from "../router.js";
import { t } from "../strings.js";
import { type Tenant, type TenantCalendars } from "../types.js";
import { usePoll } from "../usePoll.js";

const LANGUAGES = ["en", "fr", "de", "pl", "nb", "zh-Hans"];

function OpenTenant() {
  return (
    <form
      class="filters"
      onSubmit={(e) => {
        e.preventDefault();
        const id = String(new FormData(e.currentTarget).get("id") ?? "").trim();
        if (id !== "") navigate(href(`tenants/${encodeURIComponent(id)}`));
      }}
    >
      <label for="t-id">{t.tenant.id}</label>
      <input id="t-id" name="id" autocomplete="off" />
      <button type="submit">{t.tenant.go}</button>
    </form>
  );
}

/** The profile as PUT /api/tenants/{id} takes it (the stored tenant carries more fields than the profile). */
function profileOf(tenant: Tenant) {
  const { name, preset, plan, region, timeZone, advancedAgreement, holidays, admins, partner } = tenant;
  return { name, preset, plan, region, timeZone, advancedAgreement, holidays, admins, partner };
}

function Editor({ tenant, onSaved }: { tenant: Tenant; onSaved: () => void }) {
  const [draft, setDraft] = useState(() => profileOf(tenant));
  const [newHoliday, setNewHoliday] = useState("");
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();
  const set = (patch: Partial<typeof draft>) => setDraft({ ...draft, ...patch });
  const save = async (e: Event) => {
    e.preventDefault();
    setOutcome(undefined);
    try {
      const saved = await sendJson<{ clocksRecomputed?: number }>(
        "PUT",
        `/api/tenants/${encodeURIComponent(tenant.id)}`,
        { ...draft, plan: draft.plan || undefined, region: draft.region || undefined },
      );
      setOutcome({ ok: true, text: t.tenant.saved(saved.clocksRecomputed ?? 0) });
      onSaved();
    } catch (error) {
      setOutcome({ ok: false, text: explainProblem(error) });
    }
  };
  const text = (key: "name" | "plan" | "region" | "timeZone", label: string) => (
    <>
      <label for={`t-${key}`}>{label}</label>
      <input id={`t-${key}`} value={draft[key] ?? ""} onInput={(e) => set({ [key]: e.currentTarget.value })} />
    </>
  );
  return (
    <form onSubmit={(e) => void save(e)} class="tenant-form">
      <fieldset>
        <legend>{t.tenant.settings}</legend>
        <div class="grid">
          {text("name", t.tenant.name)}
          <label for="t-preset">{t.tenant.preset}</label>
          <input id="t-preset" value={draft.preset} readOnly />
          {text("plan", t.tenant.plan)}
          {text("region", t.tenant.region)}
          {text("timeZone", t.tenant.timeZone)}
          <label for="t-agreement">{t.tenant.agreement}</label>
          <input
            id="t-agreement"
            type="checkbox"
            checked={draft.advancedAgreement}
            onChange={(e) => set({ advancedAgreement: e.currentTarget.checked })}
          />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t.tenant.holidays}</legend>
        {draft.holidays.length === 0 && <p class="muted">{t.tenant.noHolidays}</p>}
        <ul class="holidays">
          {draft.holidays.map((d) => (
            <li data-holiday={d}>
              {new Date(`${d}T12:00:00Z`).toLocaleDateString(undefined, { dateStyle: "full", timeZone: "UTC" })}{" "}
              <button type="button" onClick={() => set({ holidays: draft.holidays.filter((h) => h !== d) })}>
                {t.tenant.remove}
              </button>
            </li>
          ))}
        </ul>
        <label for="t-holiday">{t.tenant.addHoliday}</label>
        <input id="t-holiday" type="date" value={newHoliday} onInput={(e) => setNewHoliday(e.currentTarget.value)} />
        <button
          type="button"
          onClick={() => {
            if (newHoliday !== "" && !draft.holidays.includes(newHoliday))
              set({ holidays: [...draft.holidays, newHoliday].sort() });
            setNewHoliday("");
          }}
        >
          {t.tenant.addHoliday}
        </button>
      </fieldset>
      <fieldset>
        <legend>{t.tenant.admins}</legend>
        <table class="compact">
          <thead>
            <tr>
              <th scope="col">{t.tenant.email}</th>
              <th scope="col">{t.tenant.phone}</th>
              <th scope="col">{t.tenant.language}</th>
            </tr>
          </thead>
          <tbody>
            {draft.admins.map((a, i) => {
              const update = (patch: Partial<typeof a>) =>
                set({ admins: draft.admins.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
              return (
                <tr>
                  <td>
                    <input
                      aria-label={t.tenant.email}
                      value={a.email}
                      onInput={(e) => update({ email: e.currentTarget.value })}
                    />
                  </td>
                  <td>
                    <input
                      aria-label={t.tenant.phone}
                      value={a.phone ?? ""}
                      onInput={(e) => update({ phone: e.currentTarget.value || undefined })}
                    />
                  </td>
                  <td>
                    <select
                      aria-label={t.tenant.language}
                      value={a.language}
                      onChange={(e) => update({ language: e.currentTarget.value })}
                    >
                      {LANGUAGES.map((l) => (
                        <option value={l}>{l}</option>
                      ))}
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {draft.partner && (
          <p>
            {t.tenant.partner}: {draft.partner.name} {draft.partner.email ?? ""}
          </p>
        )}
      </fieldset>
      <button type="submit">{t.tenant.save}</button>
      <p class={outcome?.ok ? "ok" : "error"} role="status" aria-live="polite">
        {outcome?.text ?? ""}
      </p>
    </form>
  );
}

export function TenantPage({ id }: { id: string | undefined }) {
  const loaded = usePoll(
    async () =>
      id === undefined
        ? undefined
        : await Promise.all([
            getJson<Tenant>(`/api/tenants/${encodeURIComponent(id)}`),
            getJson<TenantCalendars>(`/api/tenants/${encodeURIComponent(id)}/calendars`),
          ]),
    [id],
  );
  if (id === undefined)
    return (
      <section>
        <h1>{t.tenant.open}</h1>
        <OpenTenant />
      </section>
    );
  if (loaded.data === undefined)
    return loaded.error !== undefined ? (
      <ProblemView error={loaded.error} onRetry={loaded.reload} />
    ) : (
      <p>{t.loading}</p>
    );
  const [tenant, calendars] = loaded.data;
  return (
    <section aria-labelledby="tenant-title">
      <h1 id="tenant-title">
        {tenant.name} <span class="muted mono">{tenant.id}</span>
      </h1>
      <p>
        <a href={href("", new URLSearchParams({ tenantId: tenant.id }))}>{t.nav.queue}</a> ·{" "}
        <a href={href("reports", new URLSearchParams({ tenantId: tenant.id }))}>{t.nav.report}</a>
      </p>
      <h2>{t.tenant.week}</h2>
      <div class="weeks">
        {calendars.categories.map((c) => (
          <div>
            <h3>{t.tenant.weekOf(t.categories[c.category as keyof typeof t.categories] ?? c.category, c.calendar)}</h3>
            <p class="muted">
              {t.tenant.targets}:{" "}
              {Object.entries(c.initialResponse)
                .map(([s, d]) => `${s} ${d}`)
                .join(" · ")}
            </p>
            <WeekView name={c.calendar} calendar={c.calendars[c.calendar]} />
          </div>
        ))}
      </div>
      <Editor key={tenant.id} tenant={tenant} onSaved={loaded.reload} />
    </section>
  );
}
