// Types of seed-secrets.mjs, so that the tests can import it under `strict`.
export interface SeedSecret {
  readonly name: string;
  /** The app setting whose Key Vault reference names this secret. */
  readonly setting: string;
  readonly contentType: string;
  readonly initialValue: () => string;
}

export interface SeedResult {
  readonly name: string;
  readonly outcome: "created" | "kept";
}

export type Fetch = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string },
) => Promise<{ ok: boolean; status: number; text(): Promise<string>; json(): Promise<unknown> }>;

export interface SeedOptions {
  readonly vaultUri: string;
  readonly getToken: (scope: string) => Promise<string>;
  readonly fetch?: Fetch;
  readonly log?: (line: string) => void;
  readonly retryDelaysMs?: readonly number[];
}

export interface RefreshOptions {
  readonly siteId: string;
  readonly settings?: readonly string[];
  readonly getToken: (scope: string) => Promise<string>;
  readonly armEndpoint?: string;
  readonly fetch?: Fetch;
  readonly log?: (line: string) => void;
  readonly pollDelaysMs?: readonly number[];
  readonly retryDelaysMs?: readonly number[];
}

export interface ProvisionOptions extends SeedOptions {
  readonly siteId: string;
  readonly armEndpoint?: string;
  readonly pollDelaysMs?: readonly number[];
}

export const SECRETS: readonly SeedSecret[];
export const REFERENCE_API_VERSION: string;
export const DEFAULT_RETRY_DELAYS_MS: readonly number[];
export const DEFAULT_POLL_DELAYS_MS: readonly number[];
export function scopeFor(vaultUri: string): string;
export function armEndpointFor(vaultUri: string): string;
export function seedSecrets(options: SeedOptions): Promise<SeedResult[]>;
export function refreshKeyVaultReferences(options: RefreshOptions): Promise<Record<string, string>>;
export function siteIdFrom(env: Readonly<Record<string, string | undefined>>): string;
export function provisionSecrets(
  options: ProvisionOptions,
): Promise<{ seeded: SeedResult[]; references: Record<string, string> }>;
export function cliToken(scope: string): string;
