import { type ArchiveAddress, parseArchiveAddress, resolveArchiveAddress } from './archive-address.js';
import type { ArchiveBackend, ListArchivesOptions } from './archive-backend.js';
import type { Archive } from './archive-entities.js';
import { ValidationError } from './archive-errors.js';
import { type ArchiveProduct, parseArchiveProduct } from './archive-product.js';

export interface CatalogListOptions extends ListArchivesOptions {
  /** Only this product (checked: an unknown name is a ValidationError). */
  product?: string;
}

function byAddress(a: Archive, b: Archive): number {
  const key = (archive: Archive) => [archive.product, archive.project, archive.region ?? '', archive.name];
  const [ka, kb] = [key(a), key(b)];
  for (let index = 0; index < ka.length; index += 1) {
    if (ka[index]! < kb[index]!) return -1;
    if (ka[index]! > kb[index]!) return 1;
  }
  return 0;
}

/**
 * Every archive of every product the composition root injected, in one list: what `archives list`
 * shows and what an address (`NAME`, `REGION/NAME`, `PROJECT/REGION/NAME`) is resolved against.
 */
export class ArchiveCatalog {
  readonly #backends: ReadonlyMap<ArchiveProduct, ArchiveBackend>;

  constructor(backends: readonly ArchiveBackend[]) {
    const map = new Map<ArchiveProduct, ArchiveBackend>();
    for (const backend of backends) {
      if (map.has(backend.product)) throw new Error(`Two backends for ${backend.product}`);
      map.set(backend.product, backend);
    }
    this.#backends = map;
  }

  /** The products offered, in the order given. */
  get products(): ArchiveProduct[] {
    return [...this.#backends.keys()];
  }

  /** The backend of one product; a product not offered here is a ValidationError. */
  backend(product: string): ArchiveBackend {
    const name = parseArchiveProduct(product);
    const backend = this.#backends.get(name);
    if (!backend) {
      throw new ValidationError(
        'product',
        `Archive product ${name} is not available here; available: ${this.products.join(', ') || 'none'}`,
      );
    }
    return backend;
  }

  /** Archives of the products in scope, ordered by product, project, region, name. */
  async listArchives(options: CatalogListOptions = {}): Promise<Archive[]> {
    const region = options.region?.toUpperCase();
    const backends =
      options.product === undefined ? this.#backendsFor(region) : [this.backend(options.product)];
    // Each backend answers at no cost for a region it cannot have (legacy PCA: any but a passport).
    const lists = await Promise.all(
      backends.map((backend) =>
        backend.listArchives({
          region,
          project: options.project,
          counts: options.counts,
          signal: options.signal,
        }),
      ),
    );
    return (
      lists
        .flat()
        // A legacy service has no region: its passport stands in the region's place (`PASSPORT/NAME`).
        .filter(
          (archive) => region === undefined || (archive.region ?? archive.project.toUpperCase()) === region,
        )
        .filter(
          (archive) =>
            options.project === undefined || archive.region === null || archive.project === options.project,
        )
        .sort(byAddress)
    );
  }

  /** Every backend, or only those owning the region when some do (no other product can be there). */
  #backendsFor(region: string | undefined): ArchiveBackend[] {
    const all = [...this.#backends.values()];
    if (region === undefined) return all;
    const owners = all.filter((backend) => backend.ownsRegion?.(region) === true);
    return owners.length > 0 ? owners : all;
  }

  /**
   * The one archive an address names (checked before any request); ambiguity lists the candidates.
   * Asks only what the address can mean: its region and project as hints (a product that cannot
   * have the region sends nothing), no counts (`archives list` shows those).
   */
  async findArchive(
    address: string | ArchiveAddress,
    options: { product?: string; signal?: AbortSignal } = {},
  ): Promise<Archive> {
    const parsed: ArchiveAddress = typeof address === 'string' ? parseArchiveAddress(address) : address;
    const archives = await this.listArchives({
      product: options.product,
      region: parsed.region,
      // A project only comes with a region (PROJECT/REGION/NAME): both narrow the listing.
      project: parsed.project,
      counts: false,
      signal: options.signal,
    });
    return resolveArchiveAddress(parsed, archives);
  }
}
