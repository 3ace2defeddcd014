import { z } from "zod";

/**
 * Every application setting the code reads, declared once. The parity test checks this list against
 * `local.settings.example.json` and the Bicep app settings, so a setting cannot exist in one place only.
 *
 * `scope: "local"` marks settings that only make sense against the embedded stand-ins (an emulator key,
 * a self-signed certificate, an outbox folder); Azure deployments authenticate by managed identity instead.
 */
export interface SettingDefinition {
  readonly description: string;
  readonly scope: "all" | "local";
  readonly secret: boolean;
}

const contactList = z.array(z.string().email()).min(1);

export const supportContactsSchema = z
  .object({
    queues: z.object({ technical: contactList, billing: contactList, presales: contactList }),
    /** escalation[0] = level 1 (duty manager), escalation[1] = level 2 (head of support), … */
    escalation: z.array(contactList).min(1),
  })
  .strict();
export type SupportContacts = z.infer<typeof supportContactsSchema>;

const sourceName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "source names are lower-case letters, digits and dashes");
export const webhookSecretsSchema = z.record(
  sourceName,
  z.array(z.string().regex(/^whsec_[A-Za-z0-9+/=]{16,}$/, "Standard Webhooks secrets look like whsec_<base64>")).min(1),
);
export const intakeAdaptersSchema = z.record(sourceName, z.enum(["json", "microsoft-forms"]));

/** JSON-valued settings arrive as strings; parse them before validating their shape. */
function json<T extends z.ZodType>(schema: T) {
  return z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "is not valid JSON" });
        return z.NEVER;
      }
    })
    .pipe(schema);
}

const isoDuration = z
  .string()
  .regex(
    /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/,
    "must be an ISO 8601 duration such as PT4H",
  );

export const settingsSchema = z
  .object({
    CASECLOCK_COSMOS_ENDPOINT: z.string().url(),
    CASECLOCK_COSMOS_DATABASE: z.string().min(1).default("caseclock"),
    CASECLOCK_COSMOS_KEY: z.string().min(1).optional(),
    CASECLOCK_COSMOS_CA_FILE: z.string().min(1).optional(),
    AZURE_CLIENT_ID: z.string().min(1).optional(),
    CASECLOCK_MAIL_MODE: z.enum(["acs", "outbox"]).default("outbox"),
    CASECLOCK_ACS_ENDPOINT: z.string().url().optional(),
    CASECLOCK_MAIL_SENDER: z.string().email().optional(),
    CASECLOCK_OUTBOX_DIR: z.string().min(1).default(".caseclock-local/outbox"),
    CASECLOCK_OUTBOX_FAIL_ATTEMPTS: z.coerce.number().int().min(0).max(20).default(0),
    CASECLOCK_SUPPORT_CONTACTS: json(supportContactsSchema),
    CASECLOCK_WEBHOOK_SECRETS: json(webhookSecretsSchema).default({}),
    CASECLOCK_INTAKE_ADAPTERS: json(intakeAdaptersSchema).default({}),
    CASECLOCK_BODY_LIMIT_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(16 * 1024 * 1024)
      .default(256 * 1024),
    CASECLOCK_CODE_KEY: z.string().min(32, "needs at least 32 characters of random key material"),
    CASECLOCK_WARNING_FRACTION: z.coerce.number().gt(0).lt(1).default(0.75),
    CASECLOCK_ESCALATION_REPEAT: z.union([z.literal("target"), isoDuration]).default("target"),
    CASECLOCK_FOLLOW_UP_INTERVAL: isoDuration.default("PT4H"),
    CASECLOCK_REOPEN_WINDOW_DAYS: z.coerce.number().int().min(0).max(365).default(14),
    // The Durable Functions Azure Storage backend's rule (3–45 letters and digits, starting with a
    // letter); infra/main.bicep checks the same (test/unit/infra/name-rules.test.ts).
    CASECLOCK_TASK_HUB: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9]{2,44}$/, "task hub names are 3–45 letters and digits, starting with a letter")
      .default("caseclock"),
    CASECLOCK_RECONCILE_SCHEDULE: z.string().min(1).default("0 */5 * * * *"),
  })
  .superRefine((s, ctx) => {
    if (s.CASECLOCK_MAIL_MODE === "acs") {
      if (!s.CASECLOCK_ACS_ENDPOINT)
        ctx.addIssue({
          code: "custom",
          path: ["CASECLOCK_ACS_ENDPOINT"],
          message: "is required when CASECLOCK_MAIL_MODE is acs",
        });
      if (!s.CASECLOCK_MAIL_SENDER)
        ctx.addIssue({
          code: "custom",
          path: ["CASECLOCK_MAIL_SENDER"],
          message: "is required when CASECLOCK_MAIL_MODE is acs",
        });
    }
  });

export type Settings = z.output<typeof settingsSchema>;

export const settingDefinitions: Readonly<Record<keyof z.input<typeof settingsSchema>, SettingDefinition>> = {
  CASECLOCK_COSMOS_ENDPOINT: { description: "Cosmos DB account endpoint (NoSQL API).", scope: "all", secret: false },
  CASECLOCK_COSMOS_DATABASE: { description: "Cosmos DB database name.", scope: "all", secret: false },
  CASECLOCK_COSMOS_KEY: {
    description: "Account key, only for the local embedded Cosmos server; Azure uses the managed identity.",
    scope: "local",
    secret: true,
  },
  CASECLOCK_COSMOS_CA_FILE: {
    description: "PEM certificate to trust for the local embedded Cosmos server.",
    scope: "local",
    secret: false,
  },
  AZURE_CLIENT_ID: {
    description: "Client id of the user-assigned managed identity used for Cosmos DB and ACS.",
    scope: "all",
    secret: false,
  },
  CASECLOCK_MAIL_MODE: {
    description: "`acs` (Azure Communication Services Email) or `outbox` (files in CASECLOCK_OUTBOX_DIR).",
    scope: "all",
    secret: false,
  },
  CASECLOCK_ACS_ENDPOINT: {
    description: "Azure Communication Services endpoint (https://<name>.communication.azure.com).",
    scope: "all",
    secret: false,
  },
  CASECLOCK_MAIL_SENDER: {
    description: "Sender address of a domain linked to the ACS resource.",
    scope: "all",
    secret: false,
  },
  CASECLOCK_OUTBOX_DIR: { description: "Folder for rendered mail in outbox mode.", scope: "local", secret: false },
  CASECLOCK_OUTBOX_FAIL_ATTEMPTS: {
    description:
      "Fault injection for resilience tests: in outbox mode, each message's first N send attempts fail (default 0).",
    scope: "local",
    secret: false,
  },
  CASECLOCK_SUPPORT_CONTACTS: {
    description: "JSON: queue addresses per category and escalation contacts per level.",
    scope: "all",
    secret: false,
  },
  CASECLOCK_WEBHOOK_SECRETS: {
    description: "JSON: intake source → Standard Webhooks secrets (whsec_…), newest first.",
    scope: "all",
    secret: true,
  },
  CASECLOCK_INTAKE_ADAPTERS: {
    description: "JSON: intake source → adapter (`json`, `microsoft-forms`). Default `json`.",
    scope: "all",
    secret: false,
  },
  CASECLOCK_BODY_LIMIT_BYTES: {
    description: "Largest accepted request body in bytes (default 262144).",
    scope: "all",
    secret: false,
  },
  CASECLOCK_CODE_KEY: {
    description:
      "Server key for the HMAC of verification codes (at least 32 random characters; the deployment hook generates 64).",
    scope: "all",
    secret: true,
  },
  CASECLOCK_WARNING_FRACTION: {
    description: "Fraction of a response clock at which the queue is warned (default 0.75).",
    scope: "all",
    secret: false,
  },
  CASECLOCK_ESCALATION_REPEAT: {
    description: "`target` (repeat every target length) or an ISO duration between repeated escalations.",
    scope: "all",
    secret: false,
  },
  CASECLOCK_FOLLOW_UP_INTERVAL: {
    description: "Sev A follow-up interval, ISO duration (default PT4H).",
    scope: "all",
    secret: false,
  },
  CASECLOCK_REOPEN_WINDOW_DAYS: {
    description: "Days after closing during which a case can be reopened (default 14).",
    scope: "all",
    secret: false,
  },
  CASECLOCK_TASK_HUB: {
    description: "Durable Functions task hub name (read by host.json).",
    scope: "all",
    secret: false,
  },
  CASECLOCK_RECONCILE_SCHEDULE: {
    description: "NCRONTAB schedule of the reconciliation timer (default every 5 minutes).",
    scope: "all",
    secret: false,
  },
};
