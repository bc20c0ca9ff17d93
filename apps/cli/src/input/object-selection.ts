import type { ArchiveAddress } from '@ovh-pca/core';
import { UsageError } from '../cli-errors.js';

/** The objects a command names: `ARCHIVE [KEY...] [--prefix P]`, checked before anything is sent. */
export interface ObjectSelection {
  address: ArchiveAddress;
  /** Typed keys, each checked, duplicates dropped. */
  keys: string[];
  prefix: string | undefined;
}

/**
 * Address, keys and prefix of `retrieve` / `download` style commands; neither keys nor a prefix
 * is a UsageError naming `verb` (exit 2).
 */
export async function parseObjectSelection(
  args: ReadonlyArray<string | string[] | undefined>,
  prefixOption: string | undefined,
  verb: string,
): Promise<ObjectSelection> {
  const core = await import('@ovh-pca/core');
  const address = core.parseArchiveAddress(args[0]);
  const keys = [
    ...new Set((Array.isArray(args[1]) ? args[1] : []).map((key) => core.validateObjectKey(key))),
  ];
  const prefix = prefixOption === undefined ? undefined : core.validateObjectPrefix(prefixOption);
  if (keys.length === 0 && prefix === undefined) {
    throw new UsageError(`Name the objects to ${verb}: KEY... or --prefix P (--prefix "" for all).`);
  }
  return { address, keys, prefix };
}
