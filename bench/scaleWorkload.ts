import { EXAMPLE_SUPPORT_CONTACTS } from "../shared/config/exampleSupportDesk.js";
import { signWebhook } from "../shared/webhooks/standardWebhooks.js";
import { seededRandom } from "./random.js";

/**
 * The open cases `npm run bench:scale` creates: a fixed mix of tenants (all three presets, several plans,
 * regions and time zones, with and without the advanced agreement) and of requests (severity A 10 %,
 * B 35 %, C 55 %; technical 70 %, billing 20 %, pre-sales 10 %), one in five delivered as a signed
 * webhook, the others through `POST /api/cases`. Seeded, so every run and every build sees the same cases.
 */

export const SCALE_WEBHOOK_SOURCE = "forms";
export const SCALE_WEBHOOK_SECRET = "whsec_" + Buffer.from("scale-bench-signing-key-01234567").toString("base64");

export const scaleSettings: Record<string, string> = {
  CASECLOCK_WEBHOOK_SECRETS: JSON.stringify({ [SCALE_WEBHOOK_SOURCE]: [SCALE_WEBHOOK_SECRET] }),
  CASECLOCK_INTAKE_ADAPTERS: JSON.stringify({ [SCALE_WEBHOOK_SOURCE]: "json" }),
  CASECLOCK_SUPPORT_CONTACTS: EXAMPLE_SUPPORT_CONTACTS,
};

interface TenantShape {
  readonly preset: "office365-2014" | "21vianet" | "worldwide";
  readonly plan?: string;
  readonly region?: string;
  readonly timeZone: string;
  readonly advancedAgreement: boolean;
  readonly language: "en" | "fr" | "de" | "pl" | "nb" | "zh-Hans";
}

const shapes: readonly TenantShape[] = [
  {
    preset: "office365-2014",
    plan: "small-business",
    timeZone: "Europe/London",
    advancedAgreement: false,
    language: "en",
  },
  {
    preset: "office365-2014",
    plan: "midsize-business",
    timeZone: "Europe/Paris",
    advancedAgreement: false,
    language: "fr",
  },
  {
    preset: "office365-2014",
    plan: "enterprise-e3",
    timeZone: "Europe/Berlin",
    advancedAgreement: false,
    language: "de",
  },
  {
    preset: "office365-2014",
    plan: "enterprise-e4",
    timeZone: "America/New_York",
    advancedAgreement: true,
    language: "en",
  },
  {
    preset: "office365-2014",
    plan: "kiosk-k1",
    timeZone: "Australia/Sydney",
    region: "AU",
    advancedAgreement: false,
    language: "en",
  },
  {
    preset: "office365-2014",
    plan: "government-g3",
    timeZone: "Europe/Warsaw",
    advancedAgreement: false,
    language: "pl",
  },
  { preset: "21vianet", timeZone: "Asia/Shanghai", advancedAgreement: true, language: "zh-Hans" },
  { preset: "21vianet", timeZone: "Asia/Shanghai", advancedAgreement: false, language: "zh-Hans" },
  {
    preset: "worldwide",
    plan: "enterprise-e1",
    region: "DE",
    timeZone: "Europe/Berlin",
    advancedAgreement: false,
    language: "de",
  },
  {
    preset: "worldwide",
    plan: "enterprise-e3",
    region: "NO",
    timeZone: "Europe/Oslo",
    advancedAgreement: true,
    language: "nb",
  },
  {
    preset: "worldwide",
    plan: "midsize-business",
    region: "US",
    timeZone: "America/Chicago",
    advancedAgreement: false,
    language: "en",
  },
  {
    preset: "worldwide",
    plan: "small-business-premium",
    region: "AU",
    timeZone: "Australia/Perth",
    advancedAgreement: false,
    language: "en",
  },
];

/** Tenants per shape: 24 organisations in all. */
const PER_SHAPE = 2;

export interface ScaleTenant {
  readonly id: string;
  readonly adminEmail: string;
  readonly profile: Record<string, unknown>;
}

export function scaleTenants(): ScaleTenant[] {
  const out: ScaleTenant[] = [];
  shapes.forEach((shape, s) => {
    for (let k = 0; k < PER_SHAPE; k += 1) {
      const id = `scale-${s}-${k}`;
      const adminEmail = `admin@${id}.example`;
      out.push({
        id,
        adminEmail,
        profile: {
          name: `Scale tenant ${s}/${k}`,
          preset: shape.preset,
          ...(shape.plan !== undefined ? { plan: shape.plan } : {}),
          ...(shape.region !== undefined ? { region: shape.region } : {}),
          timeZone: shape.timeZone,
          advancedAgreement: shape.advancedAgreement,
          holidays: [],
          admins: [
            { email: adminEmail, language: shape.language },
            { email: `deputy@${id}.example`, language: "en" },
          ],
        },
      });
    }
  });
  return out;
}

export interface ScaleRequest {
  readonly via: "api" | "webhook";
  /** Webhook id or Idempotency-Key. */
  readonly key: string;
  readonly body: Record<string, unknown>;
}

function pick<T>(random: () => number, weighted: readonly (readonly [T, number])[]): T {
  let r = random() * weighted.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, weight] of weighted) {
    r -= weight;
    if (r < 0) return value;
  }
  return weighted[weighted.length - 1]![0];
}

/** The `count` requests of a run, the same for every build. */
export function scaleRequests(count: number, tenants: readonly ScaleTenant[], seed = 0x5ca1e): ScaleRequest[] {
  const random = seededRandom(seed);
  const out: ScaleRequest[] = [];
  for (let i = 0; i < count; i += 1) {
    const tenant = tenants[Math.floor(random() * tenants.length)]!;
    const severity = pick(random, [
      ["A", 10],
      ["B", 35],
      ["C", 55],
    ] as const);
    const category = pick(random, [
      ["technical", 70],
      ["billing", 20],
      ["presales", 10],
    ] as const);
    out.push({
      via: random() < 0.2 ? "webhook" : "api",
      key: `scale-${i}`,
      body: {
        tenantId: tenant.id,
        requester: { email: tenant.adminEmail },
        category,
        severity,
        title: `Scale request ${i}`,
        description: "Generated by npm run bench:scale: a realistic description of a service problem.",
        ...(severity === "A" ? { impactStatement: "Several users cannot send mail; production is affected." } : {}),
      },
    });
  }
  return out;
}

/** Opens one case through the real HTTP API; answers the HTTP status. */
export async function openCase(
  url: string,
  functionKey: string,
  request: ScaleRequest,
  nowSeconds: number,
): Promise<number> {
  const raw = JSON.stringify(request.body);
  const res =
    request.via === "webhook"
      ? await fetch(`${url}/api/intake/${SCALE_WEBHOOK_SOURCE}`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "webhook-id": request.key,
            "webhook-timestamp": String(nowSeconds),
            "webhook-signature": signWebhook(SCALE_WEBHOOK_SECRET, request.key, nowSeconds, raw),
          },
          body: raw,
        })
      : await fetch(`${url}/api/cases`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "x-functions-key": functionKey,
            "idempotency-key": request.key,
          },
          body: raw,
        });
  await res.arrayBuffer();
  return res.status;
}
