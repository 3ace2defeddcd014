import { z } from "zod";
import { timeZoneSchema } from "../calendar/index.js";
import { presetIds, presets } from "../policy/presets/index.js";
import { text } from "../validation/text.js";

export const languages = ["en", "fr", "de", "pl", "nb", "zh-Hans"] as const;
export const languageSchema = z.enum(languages);
export type Language = z.infer<typeof languageSchema>;

/** Tenant ids are also the partition key of the cases container and part of case ids: keep them URL-safe. */
export const tenantIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, "tenant ids are 2–63 lower-case letters, digits and dashes");

/** E.164: the form phone numbers are registered and compared in. */
export const phoneSchema = z.string().regex(/^\+[1-9]\d{6,14}$/, "must be an E.164 phone number such as +33123456789");
export const emailSchema = z.string().max(254).email();

const localDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be YYYY-MM-DD")
  .refine((d) => {
    const t = Date.parse(`${d}T00:00:00Z`);
    return !Number.isNaN(t) && new Date(t).toISOString().startsWith(d);
  }, "is not a calendar date");

export const adminSchema = z
  .object({
    email: emailSchema,
    phone: phoneSchema.optional(),
    language: languageSchema,
    name: text({ min: 1, max: 200 }).optional(),
  })
  .strict();
export type Admin = z.infer<typeof adminSchema>;

/** docs/policy.md §3.1 Tenant (PUT /api/tenants/{id}). */
export const tenantProfileSchema = z
  .object({
    name: text({ min: 1, max: 200 }),
    preset: z.enum(presetIds),
    plan: text({ min: 1, max: 100 }).optional().meta({
      description:
        "Required for the presets with plans (office365-2014, worldwide): one of the preset's plan ids, as `npx caseclock presets` lists them (e.g. enterprise-e3, small-business).",
    }),
    region: z
      .string()
      .regex(/^[A-Za-z]{2}$/, "must be an ISO 3166-1 alpha-2 country code")
      .transform((r) => r.toUpperCase())
      .optional(),
    timeZone: timeZoneSchema,
    advancedAgreement: z.boolean().default(false),
    holidays: z.array(localDate).max(400).default([]),
    admins: z.array(adminSchema).min(1).max(50),
    /** Set when the customer bought its subscriptions through a partner (docs/policy.md §1.5). */
    partner: z
      .object({
        name: text({ min: 1, max: 200 }),
        email: emailSchema.optional(),
        phone: phoneSchema.optional(),
        /** Partner staff with delegated admin rights: they may open requests for this customer. */
        delegatedAdmins: z
          .array(z.object({ email: emailSchema, language: languageSchema.default("en") }).strict())
          .max(50)
          .default([]),
      })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((t, ctx) => {
    const preset = presets[t.preset];
    const planIds = Object.keys(preset.plans);
    if (preset.requiresPlan && t.plan === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["plan"],
        message: `is required for preset ${t.preset} (one of ${planIds.join(", ")})`,
      });
    }
    if (t.plan !== undefined && planIds.length > 0 && !planIds.includes(t.plan)) {
      ctx.addIssue({
        code: "custom",
        path: ["plan"],
        message: `is not a plan of preset ${t.preset} (one of ${planIds.join(", ")})`,
      });
    }
    const emails = new Set<string>();
    t.admins.forEach((a, i) => {
      const key = a.email.toLowerCase();
      if (emails.has(key)) ctx.addIssue({ code: "custom", path: ["admins", i, "email"], message: "is listed twice" });
      emails.add(key);
    });
  });
export type TenantProfileInput = z.input<typeof tenantProfileSchema>;
export type TenantProfile = z.output<typeof tenantProfileSchema>;
export type Tenant = TenantProfile & { readonly id: string };

/** The partner staff entry of an address, if the tenant's partner has delegated admin rights for it. */
export function findDelegatedAdmin(
  tenant: TenantProfile,
  email: string,
): { readonly email: string; readonly language: Language } | undefined {
  const wanted = email.toLowerCase();
  return tenant.partner?.delegatedAdmins.find((a) => a.email.toLowerCase() === wanted);
}

/** The admin entry of an address, compared case-insensitively (mailbox local parts are case-insensitive in practice). */
export function findAdminByEmail(tenant: TenantProfile, email: string): Admin | undefined {
  const wanted = email.toLowerCase();
  return tenant.admins.find((a) => a.email.toLowerCase() === wanted);
}
