/**
 * `ovh-sandbox`: starts the sandbox and prints exactly one JSON line on stdout (endpoint, demo keys,
 * account); everything else goes to stderr. SIGINT/SIGTERM close it and flush --data.
 */
import { FlagError, parseFlags, USAGE } from './cli/parse-flags.js';
import { startSandbox } from './start-sandbox.js';

async function main(): Promise<void> {
  let parsed: ReturnType<typeof parseFlags>;
  try {
    parsed = parseFlags(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof FlagError)) throw error;
    process.stderr.write(`ovh-sandbox: ${error.message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (parsed.help) {
    process.stdout.write(USAGE);
    return;
  }

  const sandbox = await startSandbox(parsed.options);
  // Handlers first: whoever reads the line below may signal us at once.
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`ovh-sandbox: ${signal}, closing\n`);
    sandbox.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`ovh-sandbox: close failed: ${(error as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  process.stdout.write(
    `${JSON.stringify({
      endpoint: sandbox.endpoint,
      applicationKey: sandbox.applicationKey,
      applicationSecret: sandbox.applicationSecret,
      consumerKey: sandbox.consumerKey,
      account: sandbox.account,
      openstack: sandbox.openstack,
      s3: sandbox.s3,
    })}\n`,
  );
  process.stderr.write(
    `ovh-sandbox listening on ${sandbox.origin} (validation page ${sandbox.origin}/auth/, log ${sandbox.origin}/_sandbox/requests), Keystone ${sandbox.endpoints.keystone}, Swift ${Object.entries(
      sandbox.endpoints.swift,
    )
      .map(([region, url]) => `${region} ${url}`)
      .join(', ')}, S3 ${Object.entries(sandbox.endpoints.s3)
      .map(([region, url]) => `${region} ${url}`)
      .join(', ')}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`ovh-sandbox: ${(error as Error).message}\n`);
  process.exitCode = 1;
});
