/** Path of the bundle written by buildCli. */
export declare const outfile: string;
/** Bundles src/bin.ts into dist/ovh-pca.cjs; resolves with its path. */
export declare function buildCli(options?: { quiet?: boolean }): Promise<string>;
/** The oldest Node the CLI supports, read from package.json "engines". */
export declare function lowestSupportedNode(): Promise<[major: number, minor: number, patch: number]>;
