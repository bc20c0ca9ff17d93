import {
  ACCESS_RULE_PRESETS,
  type ArchiveCatalog,
  type LegacyPcaModel,
  type OvhClient,
  type OvhClientOptions,
  type Profile,
  type ProfileStore,
  removeProfileAndSecrets,
  type SecretStore,
} from '@ovh-pca/core';
import type { AccessPreset, CredentialStatus, ProfileList, ProfileSummary } from '../../shared/ipc-types.js';
import { DesktopError } from '../ipc/desktop-error.js';
import type { EmitEvent } from './app-events.js';
import { summariseProfile } from './profile-summary.js';
import { createSkewNoticeDetector } from './skew-notice.js';
import type { TrialSandbox } from './trial-sandbox.js';

export type CreateClient = (options: OvhClientOptions) => OvhClient;

/** The archive products over one signed client: the legacy sessions model and every product's backend. */
export interface ArchiveAccess {
  archive: LegacyPcaModel;
  archives: ArchiveCatalog;
}
export type CreateArchives = (client: OvhClient) => ArchiveAccess;

/** A consumer key asked for and not yet accepted: lives in main's memory only, secrets included. */
export interface PendingLogin {
  name: string;
  endpoint: string;
  applicationKey: string;
  applicationSecret: string;
  consumerKey: string;
  validationUrl: string;
  preset: AccessPreset;
  abort: AbortController;
}

/** The active profile's signed client and archive models, built once per profile and secrets. */
export interface Connection extends ArchiveAccess {
  profile: Profile;
  client: OvhClient;
}

export interface ProfileSessionsOptions {
  profileStore: ProfileStore;
  secretStore: SecretStore;
  trial: TrialSandbox;
  createClient: CreateClient;
  /** Injected by the composition root (desktop-services.ts). */
  createArchives: CreateArchives;
  emit: EmitEvent;
}

/**
 * Which profile the window works on, what main knows of each consumer key, and the active
 * profile's client. Secrets are read from the keychain here and never leave main.
 */
export class ProfileSessions {
  readonly #options: ProfileSessionsOptions;
  readonly #pending = new Map<string, PendingLogin>();
  readonly #statuses = new Map<string, CredentialStatus>();
  /** Every secret main has held, masked from every error message and log line. */
  readonly #secrets = new Set<string>();
  #active: string | null | undefined;
  #connection: { name: string; promise: Promise<Connection> } | undefined;

  constructor(options: ProfileSessionsOptions) {
    this.#options = options;
  }

  get profileStore(): ProfileStore {
    return this.#options.profileStore;
  }

  get secretStore(): SecretStore {
    return this.#options.secretStore;
  }

  knownSecrets(): string[] {
    return [...this.#secrets];
  }

  rememberSecret(...values: Array<string | undefined>): void {
    for (const value of values) if (value) this.#secrets.add(value);
  }

  /** The active profile: chosen in this window, else the default profile shared with the CLI, else the first. */
  async activeName(): Promise<string | null> {
    if (this.#active === undefined) {
      const fallback = (await this.profileStore.getDefault()) ?? (await this.profileStore.list())[0]?.name;
      this.#active ??= fallback ?? null;
    }
    return this.#active;
  }

  async list(): Promise<ProfileList> {
    // Read in this order so a login finishing meanwhile (saved, then no longer pending) is seen in
    // one or the other: missing from both, it would look removed and lose its place as active.
    const active = await this.activeName();
    const pendingLogins = [...this.#pending.values()];
    const saved = await this.profileStore.list();
    const names = new Set(saved.map((profile) => profile.name));
    const summaries = await Promise.all(saved.map((profile) => this.#summarise(profile)));
    for (const pending of pendingLogins) {
      if (!names.has(pending.name)) summaries.push(await this.#summarisePending(pending));
    }
    summaries.sort((a, b) => a.name.localeCompare(b.name));
    if (active === null || summaries.some((summary) => summary.name === active)) {
      return { active, profiles: summaries };
    }
    // The active profile was removed (here or by the CLI): fall back to the first, unless the
    // user chose another one while this list was being read.
    const fallback = summaries[0]?.name ?? null;
    if (this.#active === active) this.#active = fallback;
    return { active: fallback, profiles: summaries };
  }

  async summary(name: string): Promise<ProfileSummary> {
    const profile = await this.profileStore.get(name);
    if (profile) return this.#summarise(profile);
    const pending = this.#pending.get(name);
    if (pending) return this.#summarisePending(pending);
    throw new DesktopError('noProfile', `No profile named "${name}"`, 'name');
  }

  /** Makes a profile the window's and the CLI's default (they share profiles.json). */
  async switchTo(name: string): Promise<ProfileSummary> {
    const summary = await this.summary(name);
    this.#active = name;
    if (await this.profileStore.get(name)) await this.profileStore.setDefault(name);
    this.invalidate();
    return summary;
  }

  async remove(name: string): Promise<ProfileList> {
    this.cancelPending(name);
    const removed = await removeProfileAndSecrets(
      { profileStore: this.profileStore, secretStore: this.secretStore },
      name,
    );
    if (!removed && !this.#pending.has(name))
      throw new DesktopError('noProfile', `No profile named "${name}"`, 'name');
    this.#statuses.delete(name);
    if (this.#active === name) this.#active = undefined;
    this.invalidate();
    return this.list();
  }

  setPending(pending: PendingLogin): void {
    this.cancelPending(pending.name);
    this.rememberSecret(pending.applicationSecret, pending.consumerKey);
    this.#pending.set(pending.name, pending);
    this.#statuses.set(pending.name, 'pendingValidation');
    this.#active = pending.name;
    this.invalidate();
  }

  pendingOf(name: string): PendingLogin | undefined {
    return this.#pending.get(name);
  }

  /** Stops waiting for a validation (a new request, a removal, or the end of the wait). */
  cancelPending(name: string): void {
    const pending = this.#pending.get(name);
    if (!pending) return;
    this.#pending.delete(name);
    pending.abort.abort(new DesktopError('internal', 'Validation wait replaced'));
  }

  finishPending(name: string): void {
    this.#pending.delete(name);
  }

  setStatus(name: string, status: CredentialStatus): void {
    this.#statuses.set(name, status);
  }

  setActive(name: string): void {
    this.#active = name;
    this.invalidate();
  }

  /** Forgets the cached client, e.g. after a login, logout or switch. */
  invalidate(): void {
    this.#connection = undefined;
  }

  /** The active profile's client and archive model; explains what is missing otherwise. */
  async connection(): Promise<Connection> {
    const name = await this.activeName();
    if (name === null)
      throw new DesktopError('noProfile', 'No profile yet: add one to connect to your account');
    if (this.#pending.has(name)) {
      throw new DesktopError(
        'credentialPending',
        `The access of profile "${name}" is waiting for validation`,
      );
    }
    if (this.#connection?.name !== name) {
      const promise = this.#connect(name);
      this.#connection = { name, promise };
      promise.catch(() => {
        if (this.#connection?.promise === promise) this.#connection = undefined;
      });
    }
    return this.#connection.promise;
  }

  async #connect(name: string): Promise<Connection> {
    let profile = await this.profileStore.get(name);
    if (!profile) throw new DesktopError('noProfile', `No profile named "${name}"`);
    const endpoint = await this.#options.trial.ensureRunningFor(profile.endpoint);
    if (endpoint !== profile.endpoint) {
      const { createdAt: _c, updatedAt: _u, ...rest } = profile;
      profile = await this.profileStore.upsert({ ...rest, endpoint });
    }
    const [applicationSecret, consumerKey] = await Promise.all([
      this.secretStore.get(name, 'applicationSecret'),
      this.secretStore.get(name, 'consumerKey'),
    ]);
    this.rememberSecret(applicationSecret, consumerKey);
    if (!applicationSecret || !consumerKey) {
      throw new DesktopError('noCredential', `Profile "${name}" has no consumer key: log in again`);
    }
    const client = this.#options.createClient({
      endpoint: profile.endpoint,
      applicationKey: profile.applicationKey,
      applicationSecret,
      consumerKey,
      onDebug: createSkewNoticeDetector(() =>
        this.#options.emit('app:notice', {
          kind: 'clockSkewHealed',
          message: 'The local clock differs from the API server: calls are corrected.',
        }),
      ),
    });
    return { profile, client, ...this.#options.createArchives(client) };
  }

  async #summarise(profile: Profile): Promise<ProfileSummary> {
    const pending = this.#pending.get(profile.name);
    if (pending) return this.#summarisePending(pending, profile);
    let hasCredential = false;
    let status = this.#statuses.get(profile.name);
    try {
      hasCredential = (await this.secretStore.get(profile.name, 'consumerKey')) !== undefined;
    } catch {
      // The keychain is unavailable: say so when the profile is used, not here.
      status = 'unknown';
    }
    return summariseProfile(profile, {
      hasCredential,
      ...(status !== undefined && { status: hasCredential || status === 'unknown' ? status : 'none' }),
      isTrial: await this.#options.trial.isTrialEndpoint(profile.endpoint),
    });
  }

  async #summarisePending(pending: PendingLogin, saved?: Profile): Promise<ProfileSummary> {
    return summariseProfile(
      {
        name: pending.name,
        endpoint: pending.endpoint,
        rules: [...ACCESS_RULE_PRESETS[pending.preset].rules],
        account: saved?.account,
      },
      {
        hasCredential: false,
        status: 'pendingValidation',
        isTrial: await this.#options.trial.isTrialEndpoint(pending.endpoint),
        validationUrl: pending.validationUrl,
      },
    );
  }
}
