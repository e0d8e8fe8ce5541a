/**
 * `npm run test:mutation [part…] [-- Stryker options]`: StrykerJS on each part of parts.js (all of them, domain
 * first, unless named), a report under reports/mutation/. Not part of `npm test`. Options starting with `--` go to
 * Stryker, e.g. `--mutate domain/a.ts,domain/b.ts:10-40` for some files or lines. A part that needs PostgreSQL gets one embedded
 * server for its whole run, started the way Jest's globalSetup starts it for `npm test`.
 */
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const parts = require('./parts');
const globalSetup = require('../support/global-setup');
const globalTeardown = require('../support/global-teardown');

const root = path.resolve(__dirname, '../..');

async function runPart(name, strykerOptions) {
  const part = parts[name];
  if (!part) throw new Error(`unknown part "${name}": one of ${Object.keys(parts).join(', ')}`);
  if (part.database) await globalSetup();
  try {
    console.log(`== mutation testing: ${name} (${part.mutate.join(', ')}), target ${part.target} %`);
    const stryker = path.join(path.dirname(require.resolve('@stryker-mutator/core/package.json')), 'bin/stryker.js');
    const result = spawnSync(process.execPath, [stryker, 'run', 'test/mutation/stryker.config.cjs', ...strykerOptions], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, PLANBRIDGE_MUTATION_PART: name },
    });
    return result.status === 0;
  } finally {
    if (part.database) await globalTeardown();
  }
}

async function main() {
  const args = process.argv.slice(2);
  const firstOption = args.findIndex((arg) => arg.startsWith('--'));
  const named = firstOption === -1 ? args : args.slice(0, firstOption);
  const strykerOptions = firstOption === -1 ? [] : args.slice(firstOption);
  const failed = [];
  for (const name of named.length > 0 ? named : Object.keys(parts)) if (!(await runPart(name, strykerOptions))) failed.push(name);
  if (failed.length > 0) {
    console.error(`mutation score below target (or Stryker failed) for: ${failed.join(', ')}`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
