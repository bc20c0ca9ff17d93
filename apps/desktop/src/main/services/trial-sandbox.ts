import { readFile, writeFile } from 'node:fs/promises';
import type { SandboxHandle, StartSandboxOptions } from '@ovh-pca/sandbox';

export type StartSandbox = (options: StartSandboxOptions) => Promise<SandboxHandle>;

export interface TrialSandboxOptions {
  start: StartSandbox;
  /** The sandbox's state, so the trial account and its keys survive a restart. */
  dataFile: string;
  /** Where the trial's endpoint is remembered, to know which profile is the trial one. */
  recordFile: string;
  log?: (line: string) => void;
}

export interface TrialAccess {
  endpoint: string;
  applicationKey: string;
  applicationSecret: string;
  account: { nichandle: string; password: string };
}

interface TrialRecord {
  endpoint: string;
}

/**
 * The bundled sandbox for a no-account trial, started on demand inside main and bound to
 * 127.0.0.1. It keeps its port across restarts when it can, so the trial profile stays usable.
 */
export class TrialSandbox {
  readonly #options: TrialSandboxOptions;
  #handle: Promise<SandboxHandle> | undefined;
  #record: TrialRecord | null | undefined;

  constructor(options: TrialSandboxOptions) {
    this.#options = options;
  }

  /** Starts the sandbox (or returns the running one) and remembers its endpoint. */
  async start(): Promise<TrialAccess> {
    const record = await this.#readRecord();
    const handle = await this.#run(record ? portOf(record.endpoint) : 0);
    await this.#writeRecord({ endpoint: handle.endpoint });
    return {
      endpoint: handle.endpoint,
      applicationKey: handle.applicationKey,
      applicationSecret: handle.applicationSecret,
      account: { ...handle.account },
    };
  }

  async isTrialEndpoint(endpoint: string): Promise<boolean> {
    const record = await this.#readRecord();
    return record !== null && record.endpoint === endpoint;
  }

  /**
   * Before a trial profile is used: starts the sandbox if it is not running. Resolves the
   * endpoint to use, which differs from the profile's when the old port was taken.
   */
  async ensureRunningFor(endpoint: string): Promise<string> {
    if (!(await this.isTrialEndpoint(endpoint))) return endpoint;
    const handle = await this.#run(portOf(endpoint));
    if (handle.endpoint !== endpoint) await this.#writeRecord({ endpoint: handle.endpoint });
    return handle.endpoint;
  }

  async close(): Promise<void> {
    const handle = this.#handle;
    this.#handle = undefined;
    if (handle) await (await handle).close();
  }

  #run(port: number): Promise<SandboxHandle> {
    if (!this.#handle) {
      const started = this.#startOn(port);
      this.#handle = started;
      started.catch(() => {
        if (this.#handle === started) this.#handle = undefined;
      });
    }
    return this.#handle;
  }

  async #startOn(port: number): Promise<SandboxHandle> {
    const base = { dataFile: this.#options.dataFile, taskDurationSeconds: 5 };
    try {
      return await this.#options.start({ ...base, port });
    } catch (error) {
      if (port === 0) throw error;
      this.#options.log?.(`trial sandbox: port ${port} unavailable, taking another`);
      return this.#options.start({ ...base, port: 0 });
    }
  }

  async #readRecord(): Promise<TrialRecord | null> {
    if (this.#record !== undefined) return this.#record;
    try {
      const parsed = JSON.parse(await readFile(this.#options.recordFile, 'utf8')) as Partial<TrialRecord>;
      this.#record = typeof parsed.endpoint === 'string' ? { endpoint: parsed.endpoint } : null;
    } catch {
      this.#record = null;
    }
    return this.#record;
  }

  async #writeRecord(record: TrialRecord): Promise<void> {
    this.#record = record;
    await writeFile(this.#options.recordFile, `${JSON.stringify(record)}\n`, { mode: 0o600 });
  }
}

function portOf(endpoint: string): number {
  const port = Number(new URL(endpoint).port);
  return Number.isInteger(port) && port > 0 ? port : 0;
}
