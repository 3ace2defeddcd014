import { afterAll, beforeAll } from "vitest";
import { EXAMPLE_SUPPORT_CONTACTS } from "../../shared/config/exampleSupportDesk.js";
import { signWebhook } from "../../shared/webhooks/standardWebhooks.js";
import { OpenApiResponses } from "../support/openApiResponses.js";
import { startRuntimeProcess, type RuntimeProcess } from "../support/runtimeProcess.js";
import { type OutboxMessage } from "../../local/outbox/outboxFolder.js";

/** A webhook secret for the e2e "forms" source (test-only key material). */
export const FORMS_SECRET = "whsec_" + Buffer.from("e2e-forms-signing-key-0123456789").toString("base64");
export const MSFORMS_SECRET = "whsec_" + Buffer.from("e2e-msforms-signing-key-01234567").toString("base64");

export const e2eSettings = {
  CASECLOCK_WEBHOOK_SECRETS: JSON.stringify({ forms: [FORMS_SECRET], msforms: [MSFORMS_SECRET] }),
  CASECLOCK_INTAKE_ADAPTERS: JSON.stringify({ forms: "json", msforms: "microsoft-forms" }),
  CASECLOCK_SUPPORT_CONTACTS: EXAMPLE_SUPPORT_CONTACTS,
};

export interface Response<T = unknown> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}

/** An answer that the OpenAPI document the app serves does not describe. */
export class UndocumentedAnswerError extends Error {
  override readonly name = "UndocumentedAnswerError";
}

/**
 * A small client for the app's HTTP API on the local runtime. Every answer it receives is checked against
 * the OpenAPI document the app serves (`GET /api/openapi.json`): an undocumented route, status, media type
 * or body shape (a missing field, or a field the closed schema does not name) fails the test that got it.
 */
export class Api {
  private documented: Promise<OpenApiResponses> | undefined;

  constructor(
    readonly url: string,
    private readonly functionKey: string,
  ) {}

  /** The response hook: every answer passes here before a test sees it. */
  async checkAnswer(method: string, path: string, status: number, headers: Headers, text: string): Promise<void> {
    this.documented ??= OpenApiResponses.served(this.url);
    const problems = (await this.documented).problems({
      method,
      path,
      status,
      contentType: headers.get("content-type"),
      text,
    });
    if (problems.length > 0)
      throw new UndocumentedAnswerError(
        `${method} ${path.slice(0, 200)} answered ${status}, which docs/openapi.json does not describe:\n  ${problems.join("\n  ")}\n  body: ${text.slice(0, 500)}`,
      );
  }

  async call<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Response<T>> {
    const res = await fetch(this.url + path, {
      method,
      headers: {
        "x-functions-key": this.functionKey,
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: typeof body === "string" ? body : JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    await this.checkAnswer(method, path, res.status, res.headers, text);
    let parsed: unknown = text;
    try {
      parsed = text === "" ? undefined : JSON.parse(text);
    } catch {
      // Not JSON: the raw text is the body.
    }
    return { status: res.status, headers: res.headers, body: parsed as T };
  }

  get<T = Record<string, unknown>>(path: string) {
    return this.call<T>("GET", path);
  }
  post<T = Record<string, unknown>>(path: string, body: unknown, headers?: Record<string, string>) {
    return this.call<T>("POST", path, body, headers);
  }
  put<T = Record<string, unknown>>(path: string, body: unknown) {
    return this.call<T>("PUT", path, body);
  }

  /** Delivers a signed Standard Webhooks message, as a form platform would. */
  async webhook(
    source: string,
    secret: string,
    id: string,
    payload: unknown,
    nowSeconds: number,
    tamper?: (raw: string) => string,
  ): Promise<Response> {
    const raw = JSON.stringify(payload);
    const signature = signWebhook(secret, id, nowSeconds, raw);
    const res = await fetch(`${this.url}/api/intake/${source}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "webhook-id": id,
        "webhook-timestamp": String(nowSeconds),
        "webhook-signature": signature,
      },
      body: tamper ? tamper(raw) : raw,
    });
    const text = await res.text();
    await this.checkAnswer("POST", `/api/intake/${source}`, res.status, res.headers, text);
    return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as unknown) : undefined };
  }
}

/** `GET /_local/outbox?full=1` answers the message files themselves. */
export type OutboxEntry = OutboxMessage;

export const tenants = {
  /** 21Vianet tenant with the advanced agreement; its admin reads Simplified Chinese. */
  vianet: {
    name: "Contoso China",
    preset: "21vianet",
    timeZone: "Asia/Shanghai",
    advancedAgreement: true,
    holidays: [],
    admins: [
      { email: "admin@contoso.cn", phone: "+861055550100", language: "zh-Hans" },
      { email: "it@contoso.cn", language: "en" },
    ],
  },
  /** 21Vianet tenant without the agreement, with a French- and a Polish-speaking admin. */
  vianetNoAgreement: {
    name: "Fabrikam Shanghai",
    preset: "21vianet",
    timeZone: "Asia/Shanghai",
    advancedAgreement: false,
    holidays: [],
    admins: [
      { email: "admin@fabrikam.fr", language: "fr" },
      { email: "admin@fabrikam.pl", language: "pl" },
    ],
  },
};

export function request(tenantId: string, email: string, overrides: Record<string, unknown> = {}) {
  return {
    tenantId,
    requester: { email },
    category: "technical",
    severity: "B",
    title: "Mail flow delayed",
    description: "Outbound mail queues for 20 minutes.",
    ...overrides,
  };
}

/**
 * For a test file: the app started before its tests (virtual clock at `start`) and stopped after them.
 * The returned object's `rt` and `api` are set once the app runs.
 */
export function useApp(
  start: string,
  settings: Record<string, string> = {},
): { readonly rt: RuntimeProcess; readonly api: Api } {
  const app = {} as { rt: RuntimeProcess; api: Api };
  beforeAll(async () => {
    Object.assign(app, await startApp(start, settings));
  }, 120_000);
  afterAll(async () => {
    await app.rt?.stop();
  });
  return app;
}

/** The app on the local runtime with a virtual clock at `start`, and a client for it. */
export async function startApp(
  start: string,
  settings: Record<string, string> = {},
): Promise<{ rt: RuntimeProcess; api: Api }> {
  const rt = await startRuntimeProcess({ virtualClock: start, settings: { ...e2eSettings, ...settings } });
  return { rt, api: new Api(rt.url, rt.functionKey) };
}

/** Every message in the local outbox, with its text, oldest first. */
export async function readOutbox(rt: RuntimeProcess): Promise<OutboxEntry[]> {
  return (await (await fetch(`${rt.url}/_local/outbox?full=1`)).json()) as OutboxEntry[];
}
