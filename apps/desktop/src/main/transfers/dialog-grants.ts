import { randomUUID } from 'node:crypto';
import { DesktopError } from '../ipc/desktop-error.js';

/** Dialog answers kept at once; an older handle must be chosen again. */
const KEPT_GRANTS = 32;

type Grant = { kind: 'folder'; path: string } | { kind: 'files'; paths: string[] };

/**
 * What the user picked in main's dialogs, kept in main behind opaque handles: a transfer reads or
 * writes only a folder or files the user chose, never a path the renderer wrote.
 */
export class DialogGrants {
  readonly #grants = new Map<string, Grant>();

  grantFolder(path: string): string {
    return this.#keep({ kind: 'folder', path });
  }

  grantFiles(paths: readonly string[]): string {
    return this.#keep({ kind: 'files', paths: [...paths] });
  }

  folder(handle: string): string {
    const grant = this.#grants.get(handle);
    if (grant?.kind !== 'folder') throw expired('folder');
    return grant.path;
  }

  files(handle: string): string[] {
    const grant = this.#grants.get(handle);
    if (grant?.kind !== 'files') throw expired('files');
    return [...grant.paths];
  }

  #keep(grant: Grant): string {
    const handle = randomUUID();
    this.#grants.set(handle, grant);
    while (this.#grants.size > KEPT_GRANTS) this.#grants.delete(this.#grants.keys().next().value!);
    return handle;
  }
}

function expired(field: 'folder' | 'files'): DesktopError {
  return new DesktopError(
    'badArguments',
    field === 'folder' ? 'Choose the folder again' : 'Choose the files again',
    field,
  );
}
