// The two-word command groups, read by the parser's help and by shell completion.

/** Descriptions of the two-word command groups. */
export const COMMAND_GROUPS: Readonly<Record<string, string>> = {
  archives: 'archives of every product: list, create, delete; Cold Archive v1 archive and destroy',
  objects: 'objects of an archive: list, prune',
  sessions: 'legacy PCA archive sessions: list, show, files, rename, delete, restore, prune',
  tasks: 'archive tasks: list, show, wait',
  services: 'PCA services: list, use',
  profiles: 'saved logins: list, show, use, remove',
  credentials: "the account's API keys: list, revoke",
};
