/** cloud.storage.Container, ContainerDetail and ContainerObject as API v1 shows them (reference §8.2). */
import type { RouteContext } from '../../http/route-types.js';
import { formatOvhDate } from '../../state/ovh-date.js';
import { containerUsage, listObjects } from '../object-storage/object-listing.js';
import type { ContainerRecord, ObjectRecord } from '../object-storage/object-storage-state.js';
import { isArchive, retrievalOf } from '../object-storage/retrieval-state.js';
import { containerId, swiftAccountUrl } from './project-lookup.js';
import type { CloudProjectRecord } from './public-cloud-state.js';

export function containerType(container: ContainerRecord): 'private' | 'public' | 'static' {
  if (container.meta['web-index']) return 'static';
  return container.read?.includes('.r:') ? 'public' : 'private';
}

export function containerView(region: string, container: ContainerRecord, includeType: boolean) {
  const usage = containerUsage(container);
  return {
    id: containerId(region, container.name),
    name: container.name,
    region,
    archive: isArchive(container),
    containerType: includeType ? containerType(container) : null,
    storedBytes: usage.bytes,
    storedObjects: usage.objects,
  };
}

function objectView(container: ContainerRecord, object: ObjectRecord, nowMs: number) {
  const retrieval = isArchive(container) ? retrievalOf(object, nowMs) : undefined;
  return {
    name: object.key,
    size: object.bytes,
    contentType: object.contentType,
    lastModified: formatOvhDate(object.lastModifiedMs),
    // A standard container's objects are always downloadable (inferred).
    retrievalState: retrieval?.state ?? 'unsealed',
    retrievalDelay: retrieval?.delaySeconds ?? 0,
  };
}

export function containerDetailView(
  ctx: RouteContext,
  project: CloudProjectRecord,
  region: string,
  container: ContainerRecord,
  options: { noObjects: boolean; prefix: string },
) {
  const usage = containerUsage(container);
  const nowMs = ctx.clock.nowMs();
  const type = containerType(container);
  const account = swiftAccountUrl(ctx, region, project) ?? '';
  return {
    name: container.name,
    region,
    archive: isArchive(container),
    containerType: type,
    public: type !== 'private',
    cors: container.meta['access-control-allow-origin']?.split(' ').filter(Boolean) ?? [],
    staticUrl: `${account}/${encodeURIComponent(container.name)}`,
    storedBytes: usage.bytes,
    storedObjects: usage.objects,
    objects: options.noObjects
      ? []
      : listObjects(container, { prefix: options.prefix, limit: Number.POSITIVE_INFINITY }).flatMap(
          (entry) => ('object' in entry ? [objectView(container, entry.object, nowMs)] : []),
        ),
  };
}
