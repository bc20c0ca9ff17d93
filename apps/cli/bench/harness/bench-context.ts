import type { SandboxProcess } from './sandbox-process.js';
import type { Tool } from './tools.js';

/** What every scenario gets: one sandbox process, both tools configured for it, a scratch folder. */
export interface BenchContext {
  sandbox: SandboxProcess;
  ovhPca: Tool;
  rclone: Tool;
  dir: string;
  /** Objects per seeded container and bucket (`--objects`). */
  objects: number;
}
