/**
 * Process adapter, the bundle's entry: real streams and environment in, exit code out through
 * process.exitCode. The first Ctrl-C aborts the running command cleanly; a second one exits.
 */
import { safeMessage } from '@ovh-pca/core/text';
import { ExitCode } from './exit-codes.js';
import { runCli } from './main.js';

// A reader that went away (`ovh-pca sessions list | head`) is not an error: stop quietly, as cat does.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? ExitCode.ok);
    throw error;
  });
}

const controller = new AbortController();
process.on('SIGINT', () => {
  if (controller.signal.aborted) process.exit(ExitCode.interrupted);
  controller.abort();
});

runCli(process.argv.slice(2), {
  terminal: { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin },
  env: process.env,
  signal: controller.signal,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`error: ${safeMessage(error instanceof Error ? error.message : String(error))}\n`);
    process.exitCode = ExitCode.failed;
  },
);
