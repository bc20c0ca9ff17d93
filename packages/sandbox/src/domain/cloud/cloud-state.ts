/** Passports, PCA services, sessions, files, tasks, billing. Owned by the /cloud module. */
export interface CloudState {
  placeholder?: never;
}
