import { type Container } from "@azure/cosmos";
import { type Tenant, type TenantProfile } from "../../tenant/tenant.js";
import { pointRead } from "./pointRead.js";
import { withTransientRetry } from "./retry.js";
import { withoutSystemProperties } from "./systemProperties.js";

interface TenantDocument extends TenantProfile {
  readonly id: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export class TenantRepository {
  constructor(private readonly container: Container) {}

  async get(id: string): Promise<(Tenant & { createdAt: string; updatedAt: string }) | undefined> {
    const resource = await pointRead<TenantDocument>(this.container, id, id);
    return resource === undefined ? undefined : withoutSystemProperties(resource);
  }

  /** Creates or replaces the profile; tells which, so PUT can answer 201 or 200. */
  async put(
    id: string,
    profile: TenantProfile,
    now: string,
  ): Promise<{
    created: boolean;
    tenant: Tenant & { createdAt: string; updatedAt: string };
    previous: Tenant | undefined;
  }> {
    const existing = await this.get(id);
    const doc: TenantDocument = { ...profile, id, createdAt: existing?.createdAt ?? now, updatedAt: now };
    const { statusCode } = await withTransientRetry(() => this.container.items.upsert(doc));
    return { created: statusCode === 201 || existing === undefined, tenant: doc, previous: existing };
  }
}
