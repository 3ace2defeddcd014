import { parseArgs } from "node:util";
import { DateTime, IANAZone } from "luxon";
import { clockSettingsFromEnvironment } from "../shared/config/clockSettings.js";
import { previewDue } from "../shared/policy/preview.js";
import { explanationTable } from "./explanationTable.js";
import { pick } from "./pick.js";
import { UsageError } from "./usageError.js";
import { sendWebhook } from "./webhook.js";
import {
  categories,
  describeTarget,
  presetIds,
  presets,
  severities,
  type Category,
  type PolicyTenant,
  type PresetId,
  type Severity,
} from "../shared/policy/index.js";

export { UsageError };

export const usage = `Usage:
  caseclock due --preset <${presetIds.join("|")}> --category <${categories.join("|")}> --severity <A|B|C>
                --received <ISO 8601 instant with offset> --time-zone <IANA zone> [--plan <plan>] [--region <CC>]
                [--holiday YYYY-MM-DD]... [--advanced-agreement] [--impact-statement] [--explain]
    Clock settings (CASECLOCK_WARNING_FRACTION, …) are read from the environment, as the app reads them.
  caseclock presets
  caseclock pick [--each] [--raw] <field.path>...   (reads JSON on stdin, prints the fields)
  caseclock webhook --url <intake URL> --secret <whsec_…> --file <body.json> [--id <webhook-id>]
  caseclock help`;

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T {
  if (value === undefined) throw new UsageError(`--${name} is required (one of ${allowed.join(", ")})`);
  if (!(allowed as readonly string[]).includes(value))
    throw new UsageError(`--${name} must be one of ${allowed.join(", ")} (got "${value}")`);
  return value as T;
}

/** `caseclock due`: the effective severity and due instant of a hypothetical request. */
export function due(argv: string[], env: Readonly<Record<string, string | undefined>> = {}) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        preset: { type: "string" },
        category: { type: "string" },
        severity: { type: "string" },
        received: { type: "string" },
        plan: { type: "string" },
        "time-zone": { type: "string" },
        region: { type: "string" },
        holiday: { type: "string", multiple: true },
        "advanced-agreement": { type: "boolean", default: false },
        "impact-statement": { type: "boolean", default: false },
        explain: { type: "boolean", default: false },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message.split("\n")[0] ?? "bad arguments");
  }
  const preset: PresetId = oneOf("preset", values.preset, presetIds);
  const category: Category = oneOf("category", values.category, categories);
  const severity: Severity = oneOf("severity", values.severity, severities);
  const timeZone = values["time-zone"];
  if (timeZone === undefined)
    throw new UsageError(
      "--time-zone is required (the tenant's IANA time zone, such as Europe/Paris or Asia/Shanghai)",
    );
  if (!IANAZone.isValidZone(timeZone))
    throw new UsageError(`--time-zone must be an IANA time zone such as Europe/Paris (got "${timeZone}")`);
  if (values.received === undefined)
    throw new UsageError("--received is required (an ISO 8601 instant such as 2026-11-20T23:30:00+08:00)");
  // An instant without an offset would be read in some zone the user did not choose: refuse it.
  if (!/(Z|[+-]\d{2}:?\d{2})$/i.test(values.received))
    throw new UsageError(
      `--received needs an offset, such as 2026-11-20T16:30:00+01:00 or 2026-11-20T15:30:00Z (got "${values.received}")`,
    );
  const received = DateTime.fromISO(values.received, { setZone: true });
  if (!received.isValid) throw new UsageError(`--received must be an ISO 8601 date-time (got "${values.received}")`);
  const region = values.region?.toUpperCase();
  if (region !== undefined && !/^[A-Z]{2}$/.test(region))
    throw new UsageError(`--region must be an ISO 3166-1 alpha-2 country code (got "${values.region}")`);
  const planIds = Object.keys(presets[preset].plans);
  if (values.plan !== undefined && !planIds.includes(values.plan))
    throw new UsageError(
      `--plan must be one of ${planIds.join(", ") || "(this preset has no plans)"} (got "${values.plan}")`,
    );
  if (values.plan === undefined && presets[preset].requiresPlan)
    throw new UsageError(`--plan is required for preset ${preset} (one of ${planIds.join(", ")})`);
  const holidays = values.holiday ?? [];
  for (const h of holidays)
    if (!/^\d{4}-\d{2}-\d{2}$/.test(h) || !DateTime.fromISO(h).isValid)
      throw new UsageError(`--holiday must be a date YYYY-MM-DD (got "${h}")`);

  const tenant: PolicyTenant = {
    preset,
    plan: values.plan,
    region,
    timeZone,
    advancedAgreement: values["advanced-agreement"] ?? false,
    holidays,
  };
  const preview = previewDue({
    tenant,
    category,
    severity,
    receivedAt: received.toJSDate(),
    impactStatement: values["impact-statement"] ?? false,
    clockSettings: clockSettingsFromEnvironment(env),
  });
  return { preview, explain: values.explain ?? false, timeZone };
}

/** `caseclock presets`: presets, plans, categories and calendars. */
export function listPresets() {
  return Object.values(presets).map((p) => ({
    id: p.id,
    title: p.title,
    plans: Object.fromEntries(Object.entries(p.plans).map(([id, plan]) => [id, `${plan.label} (row ${plan.group})`])),
    categories: p.categoryCalendars,
    calendars: Object.fromEntries(Object.entries(p.calendars).map(([name, c]) => [name, c.description])),
    initialResponse: Object.fromEntries(
      Object.entries(p.initialResponse).map(([group, row]) => [
        group,
        { A: describeTarget(row.A), B: describeTarget(row.B), C: describeTarget(row.C) },
      ]),
    ),
    roundTheClock: p.roundTheClock,
    lowerOnCustomerSilence: p.lowerOnCustomerSilence,
    sourceSentences: p.sourceSentences,
    assumptions: p.assumptions,
  }));
}

export async function run(
  argv: string[],
  env: Readonly<Record<string, string | undefined>> = {},
): Promise<{ stdout: string; code: number }> {
  const [command, ...rest] = argv;
  switch (command) {
    case "due": {
      const { preview, explain, timeZone } = due(rest, env);
      return { stdout: explain ? explanationTable(preview, timeZone) : JSON.stringify(preview, null, 2), code: 0 };
    }
    case "webhook":
      return sendWebhook(rest);
    case "pick":
      return { stdout: pick(rest, await readStdin()), code: 0 };
    case "presets":
      if (rest.length > 0) throw new UsageError(`presets takes no arguments (got "${rest[0]}")`);
      return { stdout: JSON.stringify(listPresets(), null, 2), code: 0 };
    case "help":
    case "--help":
    case "-h":
      return { stdout: usage, code: 0 };
    case undefined:
      throw new UsageError("a command is required: due, presets, pick, webhook or help");
    default:
      throw new UsageError(`unknown command "${command}" (due, presets, pick, webhook or help)`);
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
