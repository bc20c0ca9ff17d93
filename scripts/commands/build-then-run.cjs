// Why bins and not root scripts: pnpm prints a "> pkg script" banner on stdout before every script
// (only a global `reporter=silent` hides it, and that also hides install errors). A command pnpm
// finds in node_modules/.bin runs with no banner, so stdout carries only what the tool prints.
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

const root = join(__dirname, '..', '..');

/** Builds one workspace (turbo: a no-op when nothing changed), then runs its bin in this process. */
module.exports = function buildThenRun(workspace, bin) {
  const turbo = require.resolve('turbo/bin/turbo', { paths: [root] });
  // The build's own output goes to stderr: stdout belongs to the tool.
  const build = spawnSync(
    process.execPath,
    [turbo, 'run', 'build', `--filter=${workspace}`, '--output-logs=errors-only'],
    { cwd: root, stdio: ['ignore', 2, 2], env: { TURBO_TELEMETRY_DISABLED: '1', ...process.env } },
  );
  if (build.status !== 0) {
    const why = build.error ? build.error.message : `exit ${build.status ?? build.signal}`;
    console.error(`build of ${workspace} failed (${why}); the errors are above`);
    process.exit(1);
  }
  // The bin reads process.argv.slice(2): the arguments given to this command.
  require(join(root, bin));
};
