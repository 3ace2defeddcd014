import { settings, type Settings } from "../config/index.js";
import { mailTransport, type MailTransport } from "./mail/transport.js";
import { CaseRepository } from "./cosmos/caseRepository.js";
import { cosmos } from "./cosmos/cosmos.js";
import { IntakeRepository } from "./cosmos/intakeRepository.js";
import { TenantRepository } from "./cosmos/tenantRepository.js";
import { VerificationRepository } from "./cosmos/verificationRepository.js";

/** The app's ports, built once per process from the settings (the composition root of functions and activities). */
export interface Services {
  readonly settings: Settings;
  readonly cases: CaseRepository;
  readonly tenants: TenantRepository;
  readonly intake: IntakeRepository;
  readonly verifications: VerificationRepository;
  readonly mail: MailTransport;
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
      cases: new CaseRepository(containers.cases),
      tenants: new TenantRepository(containers.tenants),
      intake: new IntakeRepository(containers.intake),
      verifications: new VerificationRepository(containers.verifications),
      mail: mailTransport(s),
      now: () => new Date(),
    };
  }
  return instance;
}
