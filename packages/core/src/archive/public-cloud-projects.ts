import { ArchiveAddressError } from './archive-address.js';
import type { ArchiveApiClient } from './archive-client.js';

/** How long one answer of `GET /cloud/project` serves every backend of a client. */
const PROJECTS_TTL_MS = 10_000;
const recent = new WeakMap<ArchiveApiClient, { at: number; projects: Promise<string[]> }>();

/**
 * The Public Cloud projects of the credential (serviceNames): `GET /cloud/project`, shared for a
 * few seconds by the backends of one client (one `archives list` asks once, not once per product).
 * With `only` (an address naming its project), just that one when the credential has it.
 */
export async function listPublicCloudProjects(
  client: ArchiveApiClient,
  signal?: AbortSignal,
  only?: string,
): Promise<string[]> {
  const cached = recent.get(client);
  let projects = cached && Date.now() - cached.at < PROJECTS_TTL_MS ? cached.projects : undefined;
  if (!projects) {
    projects = client.request<string[]>('GET', '/cloud/project', { signal });
    const entry = { at: Date.now(), projects };
    recent.set(client, entry);
    projects.catch(() => {
      if (recent.get(client) === entry) recent.delete(client);
    });
  }
  const all = await projects;
  return only === undefined ? all : all.filter((project) => project === only);
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
