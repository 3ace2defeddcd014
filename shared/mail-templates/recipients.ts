import { type Recipient } from "../case/effects.js";
import { type Requester } from "../case/state.js";
import { type Category } from "../policy/severity.js";
import { type Language } from "../tenant/tenant.js";

/** The support side's addresses (docs/policy.md §2.3, setting CASECLOCK_SUPPORT_CONTACTS). */
export interface SupportDirectory {
  readonly queues: Readonly<Record<Category, readonly string[]>>;
  /** escalation[0] = level 1 (duty manager), escalation[1] = level 2 (head of support), … */
  readonly escalation: readonly (readonly string[])[];
}

/** Messages to the support desk (warnings, escalations) exist in its working language only. */
export const SUPPORT_LANGUAGE: Language = "en";

/**
 * Who reads a decided message, and in which language: the requester in their own (docs/policy.md §1.5), the
 * support side in its working language. Beyond the configured levels, the highest level is told.
 */
export function addressOf(
  to: Recipient,
  requester: Requester,
  directory: SupportDirectory,
): { readonly addresses: readonly string[]; readonly language: Language } {
  switch (to.kind) {
    case "requester":
      return { addresses: [requester.email], language: requester.language };
    case "queue":
      return { addresses: directory.queues[to.category], language: SUPPORT_LANGUAGE };
    case "escalation": {
      const level = Math.max(1, Math.min(to.level, directory.escalation.length));
      return { addresses: directory.escalation[level - 1]!, language: SUPPORT_LANGUAGE };
    }
  }
}
