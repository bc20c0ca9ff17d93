import type { ArchiveApiClient } from '../archive-client.js';
import type { OrderAvailabilityWire } from './cold-archive-wire-types.js';

/** The plan code the Control Panel asks availability for (reference §3.4, §10). */
export const COLD_ARCHIVE_PLAN_CODE = 'coldarchive.archive.hour.consumption';
/** Where Cold Archive v1 lives today, used when availability cannot be read. */
export const COLD_ARCHIVE_DEFAULT_REGION = 'RBX-ARCHIVE';

/**
 * The Cold Archive regions, picked the way the Control Panel does: `GET /me` for the subsidiary,
 * then `GET /cloud/order/rule/availability?ovhSubsidiary&planCode=coldarchive.archive.hour.consumption`
 * → the plan's regions. Read once; when it cannot be read (a restricted credential, an API without
 * the plan), RBX-ARCHIVE.
 */
export class ColdArchiveRegions {
  readonly #client: ArchiveApiClient;
  #regions: Promise<string[]> | undefined;

  constructor(client: ArchiveApiClient) {
    this.#client = client;
  }

  list(signal?: AbortSignal): Promise<string[]> {
    this.#regions ??= this.#read(signal).catch((error: unknown) => {
      this.#regions = undefined;
      throw error;
    });
    return this.#regions;
  }

  async #read(signal?: AbortSignal): Promise<string[]> {
    try {
      const me = await this.#client.request<{ ovhSubsidiary?: string }>('GET', '/me', { signal });
      const availability = await this.#client.request<OrderAvailabilityWire>(
        'GET',
        '/cloud/order/rule/availability',
        { query: { ovhSubsidiary: me.ovhSubsidiary ?? 'FR', planCode: COLD_ARCHIVE_PLAN_CODE }, signal },
      );
      const regions = availability.plans?.find((plan) => plan.code === COLD_ARCHIVE_PLAN_CODE)?.regions ?? [];
      return regions.length > 0
        ? regions.map((region) => region.toUpperCase())
        : [COLD_ARCHIVE_DEFAULT_REGION];
    } catch (error) {
      if (signal?.aborted) throw error;
      return [COLD_ARCHIVE_DEFAULT_REGION];
    }
  }
}
