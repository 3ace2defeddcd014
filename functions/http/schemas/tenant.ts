import { z } from "zod";
import { presetIds } from "../../../shared/policy/presets/index.js";
import { languageSchema, type Tenant } from "../../../shared/tenant/tenant.js";
import { instant, localDate, sameShape } from "./common.js";

/** A stored organisation profile (`PUT`/`GET /api/tenants/{id}`): the profile as validated, with its id and dates. */
export const tenantSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    preset: z.enum(presetIds),
    plan: z.string().optional(),
    region: z.string().optional().meta({ description: "ISO 3166-1 alpha-2, upper case." }),
    timeZone: z.string().meta({ description: "IANA time zone." }),
    advancedAgreement: z.boolean(),
    holidays: z.array(localDate),
    admins: z.array(
      z.object({
        email: z.string(),
        phone: z.string().optional(),
        language: languageSchema,
        name: z.string().optional(),
      }),
    ),
    partner: z
      .object({
        name: z.string(),
        email: z.string().optional(),
        phone: z.string().optional(),
        delegatedAdmins: z.array(z.object({ email: z.string(), language: languageSchema })),
      })
      .optional(),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ id: "Tenant", description: "An organisation profile as stored." });

/** `PUT` also says how many open cases had their clocks moved when the calendar or plan changed. */
export const tenantPutSchema = tenantSchema
  .extend({
    clocksRecomputed: z
      .number()
      .int()
      .nonnegative()
      .optional()
      .meta({ description: "Open cases whose running clocks were recomputed (only when the policy changed)." }),
  })
  .meta({ id: "TenantWritten", description: "The profile as stored, and the cases it moved." });

type StoredTenant = Tenant & { readonly createdAt: string; readonly updatedAt: string };
sameShape<StoredTenant, z.output<typeof tenantSchema>>((built) => built);
sameShape<NonNullable<StoredTenant["partner"]>, NonNullable<z.output<typeof tenantSchema>["partner"]>>(
  (built) => built,
);
sameShape<StoredTenant["admins"][number], z.output<typeof tenantSchema>["admins"][number]>((built) => built);
