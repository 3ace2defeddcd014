// Types of seed-secrets.mjs, so that the tests can import it under `strict`.
export interface SeedSecret {
  readonly name: string;
  readonly contentType: string;
  readonly initialValue: () => string;
}

export interface SeedResult {
  readonly name: string;
  readonly outcome: "created" | "kept";
}

export interface SeedOptions {
  readonly vaultUri: string;
  readonly getToken: (scope: string) => Promise<string>;
  readonly fetch?: (
    url: string,
    init: { method: string; headers: Record<string, string>; body?: string },
  ) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;
  readonly log?: (line: string) => void;
  readonly retryDelaysMs?: readonly number[];
}

export const SECRETS: readonly SeedSecret[];
export const DEFAULT_RETRY_DELAYS_MS: readonly number[];
export function scopeFor(vaultUri: string): string;
export function seedSecrets(options: SeedOptions): Promise<SeedResult[]>;
export function cliToken(scope: string): string;
