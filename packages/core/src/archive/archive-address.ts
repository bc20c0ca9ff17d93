import { type Archive, formatArchiveAddress } from './archive-entities.js';
import { ValidationError } from './archive-errors.js';

// How users name an archive wherever a command takes one: `NAME`, `REGION/NAME` or
// `PROJECT/REGION/NAME`. Checked before any request; resolved against the archives listed.

/** Longest archive name, in UTF-8 bytes (Swift's max_container_name_length). */
export const MAX_ARCHIVE_NAME_BYTES = 256;

const CONTROL = /[\p{Cc}\u2028\u2029]/u;
const REGION = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/;
const PROJECT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export interface ArchiveAddress {
  project?: string;
  /** Upper case. */
  region?: string;
  name: string;
}

/** An address whose name matches several archives, or none: the candidates say what exists. */
export class ArchiveAddressError extends ValidationError {
  /** `PROJECT/REGION/NAME` of each candidate (those sharing the name, or every archive). */
  readonly candidates: string[];

  constructor(message: string, candidates: string[]) {
    super('archive', message);
    this.candidates = candidates;
  }

  override toJSON(): { name: string; field: string; message: string; candidates: string[] } {
    return { ...super.toJSON(), candidates: this.candidates };
  }
}

function show(value: string): string {
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
}

/** An archive name: not empty, at most 256 UTF-8 bytes, no `/`, no control characters. */
export function validateArchiveName(value: unknown): string {
  if (typeof value !== 'string' || value === '') {
    throw new ValidationError('archive', 'Invalid archive name: it must not be empty');
  }
  if (CONTROL.test(value)) {
    throw new ValidationError(
      'archive',
      `Invalid archive name ${show(value)}: control characters are not allowed`,
    );
  }
  if (value.includes('/')) {
    throw new ValidationError('archive', `Invalid archive name ${show(value)}: "/" is not allowed in a name`);
  }
  const bytes = new TextEncoder().encode(value).length;
  if (bytes > MAX_ARCHIVE_NAME_BYTES) {
    throw new ValidationError(
      'archive',
      `Invalid archive name: ${bytes} bytes, at most ${MAX_ARCHIVE_NAME_BYTES} allowed`,
    );
  }
  return value;
}

/** A region as typed (`gra`, `RBX-ARCHIVE`): letters, digits and `-`; returned upper case. */
export function parseArchiveRegion(value: unknown): string {
  const text = typeof value === 'string' ? value : '';
  if (!REGION.test(text)) {
    throw new ValidationError(
      'region',
      `Invalid region ${show(String(value))}: expected a name such as GRA or RBX-ARCHIVE`,
    );
  }
  return text.toUpperCase();
}

/** Parses `NAME`, `REGION/NAME` or `PROJECT/REGION/NAME`; anything else is a ValidationError. */
export function parseArchiveAddress(value: unknown): ArchiveAddress {
  const text = typeof value === 'string' ? value : '';
  const parts = text.split('/');
  if (parts.length > 3) {
    throw new ValidationError(
      'archive',
      `Invalid archive ${show(text)}: expected NAME, REGION/NAME or PROJECT/REGION/NAME`,
    );
  }
  const name = validateArchiveName(parts[parts.length - 1]);
  const region = parts.length >= 2 ? parts[parts.length - 2] : undefined;
  const project = parts.length === 3 ? parts[0] : undefined;
  if (region !== undefined && !REGION.test(region)) {
    throw new ValidationError('archive', `Invalid region ${show(region)} in archive ${show(text)}`);
  }
  if (project !== undefined && !PROJECT.test(project)) {
    throw new ValidationError('archive', `Invalid project ${show(project)} in archive ${show(text)}`);
  }
  return {
    name,
    ...(region === undefined ? {} : { region: region.toUpperCase() }),
    ...(project === undefined ? {} : { project }),
  };
}

function matches(address: ArchiveAddress, archive: Archive): boolean {
  if (archive.name !== address.name) return false;
  if (archive.region === null) {
    // Legacy PCA has no region: `PASSPORT/NAME` (the old `--service` form) names it.
    if (address.project !== undefined) return false;
    return address.region === undefined || address.region === archive.project.toUpperCase();
  }
  if (address.region !== undefined && address.region !== archive.region.toUpperCase()) return false;
  return address.project === undefined || address.project === archive.project;
}

const MAX_LISTED = 20;

function listed(archives: readonly Archive[]): string[] {
  return archives.map((archive) => `${formatArchiveAddress(archive)} (${archive.product})`);
}

/**
 * The one archive an address names among `archives`. None, or several: ArchiveAddressError
 * (exit 2) listing the candidates, so the user can type a longer address.
 */
export function resolveArchiveAddress(value: string | ArchiveAddress, archives: readonly Archive[]): Archive {
  const address = typeof value === 'string' ? parseArchiveAddress(value) : value;
  const found = archives.filter((archive) => matches(address, archive));
  if (found.length === 1) return found[0]!;
  const typed = [address.project, address.region, address.name]
    .filter((part) => part !== undefined)
    .join('/');
  if (found.length > 1) {
    const candidates = listed(found);
    throw new ArchiveAddressError(
      `Archive ${show(typed)} is ambiguous: ${found.length} archives match. Name one of: ${candidates.join(', ')}`,
      candidates,
    );
  }
  const sameName = archives.filter((archive) => archive.name === address.name);
  const candidates = listed(sameName.length > 0 ? sameName : archives);
  const shown = candidates.slice(0, MAX_LISTED).join(', ') || 'none';
  const more = candidates.length > MAX_LISTED ? ` and ${candidates.length - MAX_LISTED} more` : '';
  throw new ArchiveAddressError(`No archive ${show(typed)}. Archives: ${shown}${more}`, candidates);
}
