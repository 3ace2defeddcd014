import { clockSettingsOf, settings, type Settings } from "../config/index.js";
import { type ClockSettings } from "../policy/clockSettings.js";
import { mailTransport, type MailTransport } from "./mail/transport.js";
import { smsTransport, type SmsTransport } from "./sms/transport.js";
import { CaseQueries } from "./cosmos/caseQueries.js";
import { CaseRepository } from "./cosmos/caseRepository.js";
import { cosmos } from "./cosmos/cosmos.js";
import { IntakeRepository } from "./cosmos/intakeRepository.js";
import { ReportRepository } from "./cosmos/reportRepository.js";
import { TenantRepository } from "./cosmos/tenantRepository.js";
import { VerificationRepository } from "./cosmos/verificationRepository.js";

/** The app's ports, built once per process from the settings (the composition root of functions and activities). */
export interface Services {
  readonly settings: Settings;
  /** The operator's clock settings, built once from `settings` (docs/policy.md §2.3). */
  readonly clockSettings: ClockSettings;
  readonly cases: CaseRepository;
  readonly caseQueries: CaseQueries;
  readonly tenants: TenantRepository;
  readonly intake: IntakeRepository;
  readonly verifications: VerificationRepository;
  readonly reports: ReportRepository;
  readonly mail: MailTransport;
  /** Undefined where no SMS sender is configured (acs mode without CASECLOCK_SMS_SENDER). */
  readonly sms: SmsTransport | undefined;
  /** The current instant; the local runtime's virtual clock moves it in tests and demos. */
  now(): Date;
}

let instance: Services | undefined;

export function services(): Services {
  if (instance === undefined) {
    const s = settings();
    const containers = cosmos(s);
    instance = {
      settings: s,
      clockSettings: clockSettingsOf(s),
      cases: new CaseRepository(containers.cases),
      caseQueries: new CaseQueries(containers.cases),
      tenants: new TenantRepository(containers.tenants),
      intake: new IntakeRepository(containers.intake),
      verifications: new VerificationRepository(containers.verifications),
      reports: new ReportRepository(containers.reports),
      mail: mailTransport(s),
      sms: smsTransport(s),
      now: () => new Date(),
    };
  }
  return instance;
}
