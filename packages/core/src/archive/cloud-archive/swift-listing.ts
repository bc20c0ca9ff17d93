import { toIsoDate } from '../iso-date.js';
import type { SwiftContainerApi, SwiftListedObject } from './cloud-archive-ports.js';
import { SWIFT_LISTING_LIMIT } from './swift-container-client.js';

/**
 * Every entry of a container (under a prefix), paged by `marker` on the last name. A short page is
 * the last one, so N objects cost ceil(N / 10,000) requests (an exact multiple: one more, empty).
 */
export async function listSwiftEntries(
  swift: SwiftContainerApi,
  container: string,
  prefix: string | undefined,
  signal?: AbortSignal,
): Promise<SwiftListedObject[]> {
  const entries: SwiftListedObject[] = [];
  let marker: string | undefined;
  for (;;) {
    const page = await swift.listObjects(container, { marker, prefix, limit: SWIFT_LISTING_LIMIT, signal });
    for (const entry of page) entries.push(entry);
    if (page.length < SWIFT_LISTING_LIMIT) return entries;
    marker = page[page.length - 1]!.name;
  }
}

/** Swift's `last_modified` has no zone (it is UTC). */
export function swiftListingDate(value: string): string {
  return toIsoDate(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`);
}
