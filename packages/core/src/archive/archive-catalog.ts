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
    const backends =
      options.product === undefined ? [...this.#backends.values()] : [this.backend(options.product)];
    const region = options.region?.toUpperCase();
    const lists = await Promise.all(
      backends.map((backend) =>
        backend.listArchives({ region, project: options.project, signal: options.signal }),
      ),
    );
    return (
      lists
        .flat()
        // A region filter leaves out products without regions (legacy PCA).
        .filter((archive) => region === undefined || archive.region === region)
        .filter(
          (archive) =>
            options.project === undefined || archive.region === null || archive.project === options.project,
        )
        .sort(byAddress)
    );
  }

  /** The one archive an address names (checked before any request); ambiguity lists the candidates. */
  async findArchive(
    address: string,
    options: { product?: string; signal?: AbortSignal } = {},
  ): Promise<Archive> {
    const parsed: ArchiveAddress = parseArchiveAddress(address);
    const archives = await this.listArchives({ product: options.product, signal: options.signal });
    return resolveArchiveAddress(parsed, archives);
  }
}
