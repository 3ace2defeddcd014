/**
 * The operator's settings that shape every clock (docs/policy.md §2.3). Their defaults live in one place, the
 * settings schema (shared/config/settings.ts); the app, the preview and the CLI all build this value
 * from it and hand it to the policy, which freezes it into each case.
 */
export interface ClockSettings {
  /** Fraction of a response clock at which the owning queue is warned. */
  readonly warningFraction: number;
  /**
   * How long a breached, unanswered clock waits before it climbs one more escalation level: one target
   * length on the target's own clock, or a fixed number of hours, any time.
   */
  readonly escalationClimb: { readonly kind: "target" } | { readonly kind: "elapsed"; readonly hours: number };
  /** The highest escalation level configured (one list of contacts per level). */
  readonly escalationLevels: number;
  /** Overrides the preset's Sev A follow-up interval when set. */
  readonly followUpHours?: number | undefined;
  /** Days after closing during which a case can be reopened. */
  readonly reopenWindowDays: number;
  /** Lower severity when the customer stays silent: as the preset says, or always on / off. */
  readonly lowerOnCustomerSilence: "preset" | "on" | "off";
  /** Reminders a silent customer gets before the queue is told (when severity is not lowered). */
  readonly customerReminders: number;
  /** Days after which a resolved case nobody touches closes itself (0 = never); it can still be reopened. */
  readonly autoCloseDays: number;
}
