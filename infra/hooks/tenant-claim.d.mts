// Types of tenant-claim.mjs, so that the tests can import it under `strict`.
import { type Fetch } from "./seed-secrets.mjs";

export const EXTENSION_NAME: string;
export const CLAIM_TYPE: string;
export const POLICY_DISPLAY_NAME: string;
export function extensionAttributeFor(clientId: string): string;
export function policyDefinitionFor(clientId: string): string;
export function graphEndpointFor(vaultUri: string | undefined): string;
export function configureTenantClaim(options: {
  readonly clientId: string;
  readonly getToken: (scope: string) => Promise<string>;
  readonly graphEndpoint?: string;
  readonly fetch?: Fetch;
  readonly log?: (line: string) => void;
  readonly retryDelaysMs?: readonly number[];
}): Promise<{
  outcome: "configured" | "unchanged" | "needs-administrator" | "blocked";
  actions: string[];
}>;
