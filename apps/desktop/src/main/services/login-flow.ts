import {
  ConfigError,
  forgetConsumerKey,
  getCurrentCredential,
  InvalidCredentialError,
  logout,
  type PollInterval,
  presetAccessRules,
  readAccountNichandle,
  requestConsumerKey,
  resolveEndpoint,
  saveLogin,
  UnknownCredentialError,
  type ValidationOutcome,
  waitForValidation,
} from '@ovh-pca/core';
import type { AccessPreset, CredentialStatus, ProfileSummary } from '../../shared/ipc-types.js';
import { DesktopError } from '../ipc/desktop-error.js';
import type { EmitEvent } from './app-events.js';
import { type BrowserReturn, startBrowserReturn } from './browser-return.js';
import type { CreateClient, PendingLogin, ProfileSessions } from './profile-sessions.js';
import type { TrialSandbox } from './trial-sandbox.js';

export interface LoginFlowOptions {
  sessions: ProfileSessions;
  trial: TrialSandbox;
  createClient: CreateClient;
  openExternal: (url: string) => Promise<void>;
  emit: EmitEvent;
  log: (line: string) => void;
  /** How often the validation is checked; the defaults stay well under OVH's rate limits. */
  pollInterval?: PollInterval;
  /** How long a validation is waited for; default 30 minutes. */
  validationTimeoutMs?: number;
}

export interface LoginInput {
  profileName: string;
  endpoint: string;
  applicationKey: string;
  applicationSecret: string;
  preset: AccessPreset;
}

export interface LoginStarted {
  profile: ProfileSummary;
  validationUrl: string;
}

/** How long the return page stays up for a browser still on its way back from a validation. */
const BROWSER_RETURN_GRACE_MS = 60_000;
const DEFAULT_POLL: PollInterval = { initialMs: 2_000, maxMs: 5_000, factor: 1.5 };

function statusAfter(outcome: ValidationOutcome): CredentialStatus {
  switch (outcome.status) {
    case 'validated':
      return 'validated';
    case 'expired':
      return 'expired';
    case 'refused':
      return 'refused';
    case 'timeout':
      return 'none';
  }
}

/**
 * Delegated access (seed 001) from the window: asks OVH for a consumer key, opens the validation
 * page in the browser, notices by itself when the customer accepts, then stores the secrets in the
 * keychain and the profile where the CLI reads it too.
 */
export class LoginFlow {
  readonly #options: LoginFlowOptions;
  readonly #waits = new Set<Promise<void>>();

  constructor(options: LoginFlowOptions) {
    this.#options = options;
  }

  async start(input: LoginInput): Promise<LoginStarted> {
    const { sessions } = this.#options;
    sessions.rememberSecret(input.applicationSecret);
    try {
      resolveEndpoint(input.endpoint);
    } catch (error) {
      if (error instanceof ConfigError) throw new DesktopError('badArguments', error.message, 'endpoint');
      throw error;
    }
    const client = this.#options.createClient({
      endpoint: input.endpoint,
      applicationKey: input.applicationKey,
      applicationSecret: input.applicationSecret,
    });
    const browserReturn = await startBrowserReturn();
    let requested: Awaited<ReturnType<typeof requestConsumerKey>>;
    try {
      requested = await requestConsumerKey(client, {
        accessRules: presetAccessRules(input.preset),
        redirection: browserReturn.url,
      });
    } catch (error) {
      await browserReturn.close();
      throw error;
    }
    const pending: PendingLogin = {
      name: input.profileName,
      endpoint: input.endpoint,
      applicationKey: input.applicationKey,
      applicationSecret: input.applicationSecret,
      consumerKey: requested.consumerKey,
      validationUrl: requested.validationUrl,
      preset: input.preset,
      abort: new AbortController(),
    };
    sessions.setPending(pending);
    this.#track(
      (async () => {
        let outcome: ValidationOutcome['status'] | undefined;
        try {
          outcome = await this.#waitFor(pending, client, browserReturn);
        } finally {
          // A validated key means the browser is being sent back: keep its page up a while,
          // untracked, so that settling a login never waits on a browser that went elsewhere.
          void browserReturn.close({ graceMs: outcome === 'validated' ? BROWSER_RETURN_GRACE_MS : 0 });
        }
      })(),
    );
    await this.#open(requested.validationUrl);
    return { profile: await sessions.summary(pending.name), validationUrl: requested.validationUrl };
  }

  /** A new consumer key for a saved profile, with the application key and secret it already has. */
  async relogin(name: string, preset: AccessPreset): Promise<LoginStarted> {
    const { sessions } = this.#options;
    const profile = await sessions.profileStore.get(name);
    if (!profile) throw new DesktopError('noProfile', `No profile named "${name}"`, 'name');
    const applicationSecret = await sessions.secretStore.get(name, 'applicationSecret');
    if (!applicationSecret) {
      throw new DesktopError('noCredential', `Profile "${name}" has no application secret: add it again`);
    }
    return this.start({
      profileName: name,
      endpoint: profile.endpoint,
      applicationKey: profile.applicationKey,
      applicationSecret,
      preset,
    });
  }

  /** Starts the bundled sandbox and logs in to it like to OVH; the demo account is shown to the user. */
  async startTrial(): Promise<LoginStarted & { demoAccount: { nichandle: string; password: string } }> {
    const access = await this.#options.trial.start();
    const existing = new Set((await this.#options.sessions.list()).profiles.map((profile) => profile.name));
    let name = 'sandbox';
    for (let index = 2; existing.has(name); index += 1) name = `sandbox-${index}`;
    const started = await this.start({
      profileName: name,
      endpoint: access.endpoint,
      applicationKey: access.applicationKey,
      applicationSecret: access.applicationSecret,
      preset: 'account-full',
    });
    return { ...started, demoAccount: access.account };
  }

  async reopenValidation(): Promise<null> {
    const name = await this.#options.sessions.activeName();
    const pending = name === null ? undefined : this.#options.sessions.pendingOf(name);
    if (!pending) throw new DesktopError('badArguments', 'No validation is waiting');
    await this.#open(pending.validationUrl);
    return null;
  }

  /** Revokes the consumer key at OVH (`POST /auth/logout`) and forgets it; keeps the application. */
  async logout(): Promise<ProfileSummary> {
    const { sessions } = this.#options;
    const { profile, client } = await sessions.connection();
    // A key OVH no longer accepts is as good as revoked: forget it all the same.
    await logout(client);
    await forgetConsumerKey(
      { profileStore: sessions.profileStore, secretStore: sessions.secretStore },
      profile.name,
    );
    sessions.setStatus(profile.name, 'none');
    sessions.invalidate();
    return this.#announce(profile.name);
  }

  /** Asks OVH about the active key (`GET /auth/currentCredential`) and updates what main knows. */
  async refreshStatus(): Promise<ProfileSummary | null> {
    const { sessions } = this.#options;
    const name = await sessions.activeName();
    if (name === null) return null;
    if (sessions.pendingOf(name)) return sessions.summary(name);
    const summary = await sessions.summary(name);
    if (!summary.hasCredential) return summary;
    const { client } = await sessions.connection();
    try {
      const credential = await getCurrentCredential(client);
      sessions.setStatus(name, credential.status);
    } catch (error) {
      if (error instanceof InvalidCredentialError) sessions.setStatus(name, 'expired');
      else if (error instanceof UnknownCredentialError) sessions.setStatus(name, 'refused');
      else throw error;
    }
    return this.#announce(name);
  }

  /** Waits for every validation in progress to settle (tests, shutdown). */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.#waits]);
  }

  async #waitFor(
    pending: PendingLogin,
    client: ReturnType<CreateClient>,
    browserReturn: BrowserReturn,
  ): Promise<ValidationOutcome['status'] | undefined> {
    const { sessions } = this.#options;
    let outcome: ValidationOutcome;
    try {
      outcome = await waitForValidation(client, {
        consumerKey: pending.consumerKey,
        signal: pending.abort.signal,
        validatedSignal: browserReturn.returned,
        interval: this.#options.pollInterval ?? DEFAULT_POLL,
        timeoutMs: this.#options.validationTimeoutMs ?? 30 * 60_000,
      });
    } catch (error) {
      if (pending.abort.signal.aborted) return undefined;
      this.#options.log(`login: validation wait for ${pending.name} failed: ${(error as Error).name}`);
      outcome = { status: 'refused', reason: 'status' };
    }
    if (sessions.pendingOf(pending.name) !== pending) return undefined;
    let status = statusAfter(outcome);
    if (outcome.status === 'validated') {
      try {
        await this.#save(pending, client, outcome.credential);
      } catch (error) {
        // Most likely the keychain: the key is valid but could not be kept. Say so on next use.
        this.#options.log(`login: could not save profile ${pending.name}: ${(error as Error).name}`);
        status = 'unknown';
      }
    }
    sessions.finishPending(pending.name);
    sessions.setStatus(pending.name, status);
    sessions.invalidate();
    await this.#announce(pending.name).catch(() => undefined);
    return outcome.status;
  }

  async #save(
    pending: PendingLogin,
    client: ReturnType<CreateClient>,
    credential: Extract<ValidationOutcome, { status: 'validated' }>['credential'],
  ): Promise<void> {
    const { sessions } = this.#options;
    const account = await readAccountNichandle(client);
    await saveLogin({
      profileStore: sessions.profileStore,
      secretStore: sessions.secretStore,
      name: pending.name,
      endpoint: pending.endpoint,
      applicationKey: pending.applicationKey,
      applicationSecret: pending.applicationSecret,
      consumerKey: pending.consumerKey,
      credential,
      ...(account ? { account } : {}),
      makeDefault: true,
    });
  }

  async #announce(name: string): Promise<ProfileSummary> {
    const { sessions } = this.#options;
    let summary: ProfileSummary;
    try {
      summary = await sessions.summary(name);
    } catch {
      // A first login that was refused leaves no profile behind: report it by name only.
      summary = {
        name,
        endpoint: '',
        access: 'custom',
        hasCredential: false,
        credentialStatus: 'refused',
        account: null,
        isTrial: false,
        validationUrl: null,
      };
    }
    this.#options.emit('auth:statusChanged', summary);
    return summary;
  }

  async #open(url: string): Promise<void> {
    try {
      await this.#options.openExternal(url);
    } catch (error) {
      // The page can be opened again from the window; a browser that failed to start is not fatal.
      this.#options.log(`login: could not open the validation page: ${(error as Error).message}`);
    }
  }

  #track(wait: Promise<void>): void {
    this.#waits.add(wait);
    void wait.finally(() => this.#waits.delete(wait));
  }
}
