/**
 * The process's streams as the CLI sees them. main() gets one; in-process tests pass buffers.
 * Data goes to stdout, everything for people (logs, progress, prompts' echoes) to stderr.
 */
export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface Terminal {
  stdout: OutputStream;
  stderr: OutputStream;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
}
