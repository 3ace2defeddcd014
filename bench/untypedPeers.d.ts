/*
 * Just enough typing for the two peer libraries that ship none, covering only what peers.ts calls.
 */

declare module "moment-business-time" {
  import type { Moment } from "moment";

  /** moment, extended in place by the plugin with working-time methods. */
  interface WorkingMoment extends Moment {
    addWorkingTime(amount: number, unit: "hours" | "minutes"): WorkingMoment;
  }
  interface WorkingHoursLocale {
    /** Day index 0 = Sunday; ["HH:mm:ss", "HH:mm:ss", …] pairs or null for closed. */
    workinghours: Record<number, string[] | null>;
    holidays: string[];
  }
  interface WorkingMomentStatic {
    utc(ms: number): WorkingMoment;
    locale(): string;
    updateLocale(locale: string, data: WorkingHoursLocale): unknown;
  }
  const moment: WorkingMomentStatic;
  export default moment;
}

declare module "luxon-business-days" {
  interface BusinessDateTime {
    setupBusiness(options: { businessDays?: number[]; holidayMatchers?: ((dt: BusinessDateTime) => boolean)[] }): void;
    plusBusiness(options?: { days?: number }): BusinessDateTime;
    toMillis(): number;
  }
  const pkg: { DateTime: { fromMillis(ms: number, options: { zone: string }): BusinessDateTime } };
  export default pkg;
}
