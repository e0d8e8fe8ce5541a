/** StrykerJS for one part of the code (PLANBRIDGE_MUTATION_PART, see parts.js); run.js runs each part in turn. */
const parts = require('./parts');

const name = process.env.PLANBRIDGE_MUTATION_PART;
const part = parts[name];
if (!part) throw new Error(`PLANBRIDGE_MUTATION_PART must be one of: ${Object.keys(parts).join(', ')}`);

module.exports = {
  packageManager: 'npm',
  testRunner: 'jest',
  jest: { configFile: 'test/mutation/jest.config.js', enableFindRelatedTests: false },
  checkers: ['typescript'],
  tsconfigFile: `test/mutation/tsconfig.${name}.json`,
  mutate: part.mutate,
  coverageAnalysis: 'perTest',
  // Module-level mutants would need every test of the part for each of them; they are constants and imports.
  ignoreStatic: true,
  // The machine is shared: two processes at most.
  concurrency: Number(process.env.PLANBRIDGE_MUTATION_CONCURRENCY ?? 2),
  timeoutMS: 30000,
  // The first run of every test file (with a database for the server part) on a shared machine.
  dryRunTimeoutMinutes: 30,
  ignorePatterns: ['dist', 'docs', 'reports', '.data'],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/${name}.html` },
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true, reportMutants: false },
  thresholds: { high: part.target, low: part.target - 10, break: part.target },
  // A later run tests again only the mutants whose code or covering tests changed.
  incremental: true,
  incrementalFile: `reports/mutation/${name}-incremental.json`,
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
