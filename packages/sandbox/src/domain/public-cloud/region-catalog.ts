/**
 * The Public Cloud regions the sandbox offers. Storage regions carry a Swift entry point of their
 * own (a listener per region, as OVH has a host per region); PCA is not creatable on SBG (reference
 * §8.5). S3 regions carry an S3 listener each, named in the region's `services` (reference §3.3).
 */
export interface RegionInfo {
  name: string;
  continentCode: 'EU' | 'NA';
  datacenterLocation: string;
  countryCode: string;
  /** Swift (service `storage`) is served in this region. */
  swift: boolean;
  /** Cloud Archive containers can be created here. */
  archive: boolean;
  /** The S3 service this region offers (its listener), if any. */
  s3?: 'storage-s3-coldarchive' | 'storage-s3-standard';
}

export const REGIONS: readonly RegionInfo[] = [
  {
    name: 'GRA',
    continentCode: 'EU',
    datacenterLocation: 'GRA',
    countryCode: 'fr',
    swift: true,
    archive: true,
  },
  {
    name: 'BHS',
    continentCode: 'NA',
    datacenterLocation: 'BHS',
    countryCode: 'ca',
    swift: true,
    archive: true,
  },
  {
    name: 'SBG',
    continentCode: 'EU',
    datacenterLocation: 'SBG',
    countryCode: 'fr',
    swift: true,
    archive: false,
  },
  {
    name: 'WAW',
    continentCode: 'EU',
    datacenterLocation: 'WAW',
    countryCode: 'pl',
    swift: true,
    archive: false,
  },
  {
    name: 'RBX-ARCHIVE',
    continentCode: 'EU',
    datacenterLocation: 'RBX',
    countryCode: 'fr',
    swift: false,
    archive: false,
    s3: 'storage-s3-coldarchive',
  },
  {
    name: 'EU-WEST-PAR',
    continentCode: 'EU',
    datacenterLocation: 'EU-WEST-PAR',
    countryCode: 'fr',
    swift: false,
    archive: false,
    s3: 'storage-s3-standard',
  },
];

export const SWIFT_REGIONS = REGIONS.filter((region) => region.swift).map((region) => region.name);

export const S3_REGIONS = REGIONS.filter((region) => region.s3).map((region) => region.name);

/** What S3 clients sign with: the region's name in lower case (`eu-west-par`). */
export const s3SigningRegion = (region: string) => region.toLowerCase();

export function regionInfo(name: string): RegionInfo | undefined {
  return REGIONS.find((region) => region.name === name);
}

const COLD_ARCHIVE_REGIONS = REGIONS.filter((r) => r.s3 === 'storage-s3-coldarchive').map((r) => r.name);

/**
 * Plans of `/cloud/order/rule/availability` (reference §3.4, §10): PCA is `archive.consumption`,
 * Cold Archive v1 `coldarchive.archive.hour.consumption` (the Control Panel takes its
 * `regions[0]`: RBX-ARCHIVE).
 */
export const ORDER_PLANS: ReadonlyArray<{ code: string; regions: string[] }> = [
  { code: 'archive.consumption', regions: REGIONS.filter((r) => r.archive).map((r) => r.name) },
  { code: 'storage.consumption', regions: SWIFT_REGIONS },
  { code: 'coldarchive.archive.hour.consumption', regions: COLD_ARCHIVE_REGIONS },
];

export const ORDER_PRODUCTS: ReadonlyArray<{ name: string; regions: string[] }> = [
  { name: 'archive', regions: REGIONS.filter((r) => r.archive).map((r) => r.name) },
  { name: 'storage', regions: SWIFT_REGIONS },
];
