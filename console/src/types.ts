/** The API shapes the console reads (a subset of what the API answers; see the README's API section). */
export interface QueueRow {
  id: string;
  tenantId: string;
  title: string;
  category: string;
  status: string;
  severity: string;
  escalationLevel: number;
  receivedAt: string;
  timeZone: string;
  nextDueAt: string | null;
  nextClock: string | null;
  breached: boolean;
  breachedAt: string | null;
  warned: boolean;
}

export interface CasePage {
  items: QueueRow[];
  continuation?: string;
  now?: string;
}

export interface Explanation {
  calendar: string;
  timeZone: string;
  target: { description: string };
  workingTime: string;
  counted: { from: string; to: string }[];
  skipped: { date: string; reason: string }[];
  notes: string[];
}

export interface ClockView {
  kind: string;
  severity: string;
  startedAt: string;
  dueAt: string;
  state: string;
  target: string;
  calendar: string;
  explanation: Explanation;
  warnedAt?: string;
  breachedAt?: string;
  metAt?: string;
  respondedAt?: string;
  stoppedAt?: string;
  remaining?: string;
  remainingWorking?: string;
}

export interface TimelineEntry {
  at: string;
  type: string;
  actor: string;
  reason?: string;
  from?: string;
  to?: string;
  dueAt?: string;
  previousDueAt?: string;
  clock?: string;
  level?: number;
  message?: string;
  event?: string;
}

export interface CaseView {
  id: string;
  tenantId: string;
  timeZone: string;
  title: string;
  description: string;
  category: string;
  status: string;
  severity: string;
  requestedSeverity: string;
  escalationLevel: number;
  receivedAt: string;
  clocks: Record<string, ClockView>;
  clockHistory: ClockView[];
  timeline: TimelineEntry[];
  version: number;
  now?: string;
}

export interface Tenant {
  id: string;
  name: string;
  preset: string;
  plan?: string;
  region?: string;
  timeZone: string;
  advancedAgreement: boolean;
  holidays: string[];
  admins: { email: string; phone?: string; language: string }[];
  partner?: { name: string; email?: string; phone?: string };
  [key: string]: unknown;
}

export interface CalendarDefinition {
  timeZone: string;
  week: Record<string, { from: string; to: string }[] | undefined>;
  holidays: { date: string; open?: { from: string; to: string }[]; name?: string }[];
  hoursPerBusinessDay: number;
}

export interface TenantCalendars {
  tenantId: string;
  timeZone: string;
  categories: {
    category: string;
    calendar: string;
    initialResponse: Record<string, string>;
    calendars: Record<string, CalendarDefinition>;
  }[];
}

export interface ReportRow {
  tenantId: string;
  month: string;
  severity: string;
  cases: number;
  met: number;
  breached: number;
  metPercent: number;
  medianFirstResponseSeconds: number | null;
  p90FirstResponseSeconds: number | null;
  distribution: number[];
  breaches: { caseId: string; breachedAt: string; respondedAt: string | null; link: string }[];
}

export interface Report {
  from: string;
  to: string;
  rows: ReportRow[];
}
