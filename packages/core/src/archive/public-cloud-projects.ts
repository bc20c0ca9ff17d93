import { ArchiveAddressError } from './archive-address.js';
import type { ArchiveApiClient } from './archive-client.js';

/** The Public Cloud projects of the credential (serviceNames): `GET /cloud/project`. */
export function listPublicCloudProjects(client: ArchiveApiClient, signal?: AbortSignal): Promise<string[]> {
  return client.request<string[]>('GET', '/cloud/project', { signal });
}

/**
 * The project an address without one means: the credential's only project; none or several →
 * ArchiveAddressError listing them (exit 2).
 */
export async function onlyProject(client: ArchiveApiClient, signal?: AbortSignal): Promise<string> {
  const projects = await listPublicCloudProjects(client, signal);
  if (projects.length === 1) return projects[0]!;
  throw new ArchiveAddressError(
    projects.length === 0
      ? 'No Public Cloud project: create one first'
      : `Several Public Cloud projects: name one as PROJECT/REGION/NAME. Projects: ${projects.join(', ')}`,
    projects,
  );
}
